"""Numbers said in words: "default zero", "a rating out of five", "past bookings should all be zero".

A leaf module (it imports nothing of the recognizer) so that the text rules, which run before the request is
tokenized, and the token rules read the same words.
"""

from __future__ import annotations

#: "default zero", "a rating out of five": a number said in words where a value or a scale is given.
NUMBER_WORDS = {
    "zero": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "twenty": "20",
    "fifty": "50",
    "hundred": "100",
    "a hundred": "100",
}

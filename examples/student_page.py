"""A Streamlit page for students with seeded standards violations."""
import requests
import streamlit as st

st.title("Students")

students = requests.get("http://localhost:8000/students", timeout=10).json()
st.table(students)

with st.form("new_student"):
    name = st.text_input("Name")
    gpa = st.number_input("GPA", min_value=0.0, max_value=4.0)
    submitted = st.form_submit_button("Create")

if submitted:
    requests.post("http://localhost:8000/students", json={"name": name, "gpa": gpa}, timeout=10)
    st.success("Student created")

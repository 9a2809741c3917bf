;;; eglot_flow.el --- drive Emacs + Eglot (batch) through the baes flow; write what happened as JSON.
;; Environment: BAES_PYTHON, BAES_FILE, BAES_RESULT.
(require 'package)
(package-initialize)
(require 'eglot)
(require 'json)
(require 'flymake)

(defvar baes-result nil)
(defun baes-step (name value) (setq baes-result (plist-put baes-result name value)))

(defun baes-wait (predicate seconds)
  "Pump process output (and Eglot's hooks) until PREDICATE holds or SECONDS pass."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      (run-hooks 'post-command-hook)
      (when (bound-and-true-p flymake-mode) (flymake-start)))
    (funcall predicate)))

(defun baes-codes ()
  (mapcar (lambda (d) (flymake-diagnostic-text d)) (flymake-diagnostics)))

(defun baes-main ()
  (setq eglot-confirm-server-initiated-edits nil
        eglot-sync-connect t
        eglot-autoshutdown nil)
  (add-to-list 'eglot-server-programs
               `(python-mode . (,(getenv "BAES_PYTHON") "-m" "baes" "lsp"
                                :initializationOptions (:settings (:debounceMs 0)))))
  (find-file (getenv "BAES_FILE"))
  (python-mode)
  (eglot-ensure)
  (run-hooks 'post-command-hook)
  (baes-step :connected (and (baes-wait (lambda () (eglot-current-server)) 30) t))
  (flymake-mode 1)
  (baes-step :diagnostics (and (baes-wait (lambda () (flymake-diagnostics)) 30) (baes-codes)))
  (let* ((server (eglot-current-server))
         (diag (car (flymake-diagnostics)))
         (actions (jsonrpc-request
                   server :textDocument/codeAction
                   (list :textDocument (eglot--TextDocumentIdentifier)
                         :range (list :start (eglot--pos-to-lsp-position (flymake-diagnostic-beg diag))
                                      :end (eglot--pos-to-lsp-position (flymake-diagnostic-end diag)))
                         :context (list :diagnostics []))))
         (fix (seq-find (lambda (a) (string-prefix-p "BAES (BE006)" (plist-get a :title))) actions)))
    (baes-step :titles (vconcat (mapcar (lambda (a) (plist-get a :title)) actions)))
    (baes-step :edit_inside (and (plist-get fix :edit) t))
    (eglot--apply-workspace-edit (plist-get fix :edit))
    (eglot--signal-textDocument/didChange)
    (baes-step :cleared (baes-wait (lambda () (null (flymake-diagnostics))) 30))
    (save-buffer)
    (baes-step :saved t)
    (jsonrpc-request server :shutdown nil)
    (jsonrpc-notify server :exit nil)))

(condition-case err
    (progn (baes-main) (baes-step :ok t))
  (error (baes-step :ok :json-false) (baes-step :error (format "%S" err))))
(with-temp-file (getenv "BAES_RESULT")
  (insert (json-encode baes-result)))
(kill-emacs 0)

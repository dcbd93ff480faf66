;;; eglot_client.el --- Emacs's Eglot against `slotlint server', set up by editors/emacs/slotlint.el  -*- lexical-binding: t; -*-

;; Run by test_emacs_eglot.sh in batch mode, with SLOTLINT (the binary), PLUGIN (editors/emacs)
;; and FIXTURE (a Python file in a project with a pyproject.toml) in the environment.  What a user
;; does: load slotlint.el, `eglot-ensure' in python-mode-hook, open the file; then the test checks
;; the Flymake diagnostics, applies the quick fix with `eglot-code-actions' (kind "quickfix"),
;; and reads the hover ElDoc would show.

(require 'cl-lib)
(package-initialize)  ; Debian's elpa-eglot, as a user's init would

(defvar failed nil)
(defun say (fmt &rest args) (princ (concat (apply #'format fmt args) "\n")))
(defun fail (fmt &rest args) (setq failed t) (say "FAIL: %s" (apply #'format fmt args)))
(defun idle ()
  "What a pause in typing does: run the idle timers (batch Emacs has no command loop to).
Eglot sends its didChange from one, Flymake and ElDoc run from others."
  (dolist (timer (copy-sequence timer-idle-list))
    (when (memq timer timer-idle-list)
      (timer-event-handler timer))))
(defun wait-until (pred seconds)
  "Run timers and process output until PRED is true or SECONDS pass."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      (idle))
    (funcall pred)))

(setq slotlint-command (list (getenv "SLOTLINT") "server"))
(add-to-list 'load-path (getenv "PLUGIN"))
(require 'slotlint)
(require 'eglot)
(require 'python)
(setq eglot-sync-connect 10)
(add-hook 'python-mode-hook #'eglot-ensure)

(defun codes ()
  (sort (mapcar (lambda (d) (format "%s@%d" (flymake-diagnostic-text d) (line-number-at-pos (flymake-diagnostic-beg d))))
                (flymake-diagnostics))
        #'string<))

(condition-case err
    (progn
      (say "emacs %s, eglot %s" emacs-version
           (or (ignore-errors (package-version-join (package-desc-version (cadr (assq 'eglot package-alist))))) "built in"))
      (find-file (getenv "FIXTURE"))
      (unless (eq major-mode 'python-mode) (fail "the fixture is in %s" major-mode))
      ;; eglot-ensure connects after the next command, as it does for a user.
      (run-hooks 'post-command-hook)
      (unless (wait-until (lambda () (eglot-current-server)) 20) (error "eglot did not connect"))
      (let ((server (eglot-current-server)))
        (say "server: %s" (mapconcat #'identity (process-command (jsonrpc--process server)) " ")))
      (unless (wait-until (lambda () (cl-some (lambda (d) (string-match-p "has no slot 'label'" (flymake-diagnostic-text d)))
                                              (flymake-diagnostics)))
                          20)
        (error "no slotlint diagnostic in Flymake: %S" (codes)))
      (say "flymake: %s" (mapconcat #'identity (codes) " | "))
      ;; The quick fix: point on the finding, the "quickfix" code actions (one: applied at once).
      (goto-char (point-min))
      (search-forward "self.label")
      (goto-char (match-beginning 0))
      (eglot-code-actions (point) nil "quickfix" t)
      (save-excursion
        (goto-char (point-min))
        (unless (search-forward "__slots__ = (\"x\", \"y\", \"label\")" nil t)
          (fail "the quick fix did not add 'label': %s"
                (buffer-substring (line-beginning-position 5) (line-end-position 5)))))
      (unless (wait-until (lambda () (null (flymake-diagnostics))) 20)
        (fail "the diagnostic stayed after the fix: %S" (codes)))
      (say "after the quick fix: %s" (or (codes) "no diagnostics"))
      ;; Hover on the class name: what ElDoc shows.
      (goto-char (point-min))
      (search-forward "class Point")
      (backward-char 2)
      (let (doc)
        (eglot-hover-eldoc-function (lambda (info &rest _) (setq doc (if (stringp info) info (format "%S" info)))))
        (wait-until (lambda () doc) 10)
        (if (and doc (string-match-p "__basicsize__" doc) (string-match-p "label" doc))
            (say "hover: %s" (car (split-string doc "\n")))
          (fail "the hover does not show the layout: %S" doc))))
  (error (fail "%s" (error-message-string err))))

(when (and failed (getenv "EGLOT_DEBUG"))
  (say "--- the buffer:\n%s" (buffer-string))
  (let ((events (ignore-errors (jsonrpc-events-buffer (eglot-current-server)))))
    (when events (with-current-buffer events (say "--- events:\n%s" (buffer-string))))))

(ignore-errors (eglot-shutdown (eglot-current-server)))
(if failed (kill-emacs 1) (say "ok") (kill-emacs 0))

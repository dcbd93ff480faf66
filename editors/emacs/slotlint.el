;;; slotlint.el --- slotlint, the Python __slots__ linter, in Eglot and lsp-mode  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "26.1"))
;; Keywords: languages, tools, python

;;; Commentary:

;; `slotlint server' is a language server: diagnostics for Python `__slots__' mistakes, quick
;; fixes, and each class's instance layout on hover.  Load this file (or copy the form you need):
;;
;;   (add-to-list 'load-path "/path/to/slotlint/editors/emacs")
;;   (require 'slotlint)
;;
;; Eglot (built into Emacs 29) runs one server per buffer: with slotlint registered, `M-x eglot'
;; in a Python buffer starts slotlint instead of another Python server.  lsp-mode runs slotlint
;; as an add-on beside the Python server it already starts.

;;; Code:

(defgroup slotlint nil
  "The slotlint language server."
  :group 'tools
  :prefix "slotlint-")

(defcustom slotlint-command '("slotlint" "server")
  "The command that starts the slotlint language server."
  :type '(repeat string))

(defcustom slotlint-settings nil
  "Settings sent to the server as initializationOptions, as a plist.
For example (:select [\"ALL\"] :ignore [\"SLT002\"] :targetVersion \"py312\").
nil: the project's pyproject.toml decides."
  :type 'plist)

(defconst slotlint-modes '(python-mode python-ts-mode)
  "The major modes slotlint checks.")

(defun slotlint--initialization-options (&rest _)
  "The initializationOptions: `slotlint-settings' wrapped in `settings'."
  (list :settings (or slotlint-settings (make-hash-table))))

;; Eglot: `M-x eglot' in a Python buffer (or `eglot-ensure' in python-mode-hook).
(with-eval-after-load 'eglot
  (defvar eglot-server-programs)
  (add-to-list 'eglot-server-programs
               `(,slotlint-modes . ,(append slotlint-command
                                            (list :initializationOptions
                                                  #'slotlint--initialization-options)))))

;; lsp-mode: an add-on client, started with the buffer's other Python servers by `M-x lsp'.
(with-eval-after-load 'lsp-mode
  (declare-function lsp-register-client "lsp-mode")
  (declare-function make-lsp-client "lsp-mode")
  (declare-function lsp-stdio-connection "lsp-mode")
  (declare-function lsp-activate-on "lsp-mode")
  (lsp-register-client
   (make-lsp-client :new-connection (lsp-stdio-connection (lambda () slotlint-command))
                    :activation-fn (lsp-activate-on "python")
                    :major-modes slotlint-modes
                    :add-on? t
                    :priority -2
                    :server-id 'slotlint
                    :initialization-options #'slotlint--initialization-options)))

(provide 'slotlint)
;;; slotlint.el ends here

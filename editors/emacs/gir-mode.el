;;; gir-mode.el --- major mode for girc's .gir reports and templates  -*- lexical-binding: t -*-

;; What it is for: syntax highlighting of .gir files (政府信息公开工作年度报告
;; sources, see gir(5)) in Emacs, `#' comments for M-;, and the
;; `girc lsp' language server for eglot.  Installed by `make install'
;; under PREFIX/share/emacs/site-lisp/girc/.  The keyword and field lists
;; are those of src/syntax/keywords.def and fields.def (tests/suites/emacs.sh
;; checks that they agree).

;;; Code:

(defgroup gir nil "Editing .gir reports (girc)." :group 'languages)

(defcustom gir-girc-program "girc"
  "The girc program `gir-format-buffer' runs."
  :type 'string)

(defconst gir-mode-keywords
  '("report" "section" "table" "template" "waive"
    "block" "note" "columns" "rows" "group" "alias" "rule" "pattern"
    "mention" "source" "years" "rowlabels" "rowheader" "sum" "over"
    "each" "row" "column" "error" "warning" "wording" "threshold" "jump")
  "The keywords of the .gir language (src/syntax/keywords.def).")

(defconst gir-mode-fields
  '("agency" "kind" "year" "date" "previous" "title")
  "The report header fields (src/syntax/fields.def) besides `template'.")

(defconst gir-mode-font-lock
  `((,(concat "^[ \t]*" (regexp-opt gir-mode-keywords 'symbols)) . font-lock-keyword-face)
    (,(concat "^[ \t]*" (regexp-opt gir-mode-fields 'symbols)) . font-lock-builtin-face)
    ("\\_<\\(waive\\)\\_>" . font-lock-keyword-face)
    ("\\(?:^\\|[ \t]\\)\\([[:alnum:]_]+\\)=" 1 font-lock-variable-name-face)
    ("\\_<[0-9]+\\(?:\\.[0-9]+\\)?\\(?:万元\\|元\\)?\\_>" . font-lock-constant-face)
    ("\\_<[0-9]\\{4\\}-[0-9]\\{2\\}-[0-9]\\{2\\}\\_>" . font-lock-constant-face)
    ("^[ \t]+\\([^ \t\n#\"=0-9][^ \t\n=]*\\)" 1 font-lock-function-name-face))
  "Highlighting: keywords, header fields, COLUMN= names, numbers, dates, row labels.")

(defvar gir-mode-syntax-table
  (let ((st (make-syntax-table)))
    (modify-syntax-entry ?# "<" st)
    (modify-syntax-entry ?\n ">" st)
    (modify-syntax-entry ?\" "\"" st)
    (modify-syntax-entry ?_ "_" st)
    st)
  "Syntax table of `gir-mode': # comments, \"strings\" (a \"\"\"prose\"\"\" block
reads as an empty string, a string and an empty string).")

;;;###autoload
(defun gir-format-buffer ()
  "Format the buffer with `girc fmt -' (no language server needed).
The buffer is replaced only when girc exits 0, keeping point and marks
\(`replace-buffer-contents'); on a syntax error it stays as it is and
girc's first message is shown.  (`C-u M-| girc fmt -' would replace the
buffer with the error messages.)"
  (interactive)
  (let ((out (generate-new-buffer " *girc fmt*"))
        (err (make-temp-file "girc-fmt"))
        (coding-system-for-read 'utf-8-unix)
        (coding-system-for-write 'utf-8-unix))
    (unwind-protect
        (if (eql 0 (call-process-region (point-min) (point-max) gir-girc-program nil (list out err) nil "fmt" "-"))
            (replace-buffer-contents out)
          (message "girc fmt: buffer unchanged: %s"
                   (with-temp-buffer
                     (insert-file-contents err)
                     (buffer-substring (point-min) (line-end-position)))))
      (kill-buffer out)
      (delete-file err))))

(defvar gir-mode-map
  (let ((m (make-sparse-keymap)))
    (define-key m (kbd "C-c C-f") #'gir-format-buffer)
    m)
  "Keys of `gir-mode': C-c C-f formats (`gir-format-buffer').")

;;;###autoload
(define-derived-mode gir-mode prog-mode "GIR"
  "Major mode for .gir reports and templates (girc).
Syntax highlighting and comments; with eglot, `girc lsp' gives
diagnostics, hover, completion, formatting and quick fixes."
  :syntax-table gir-mode-syntax-table
  (setq-local comment-start "# ")
  (setq-local comment-start-skip "#+[ \t]*")
  (setq-local indent-tabs-mode nil)
  (setq-local font-lock-defaults '(gir-mode-font-lock)))

;;;###autoload
(add-to-list 'magic-mode-alist
             '((lambda () (and buffer-file-name
                               (string-match-p "\\.gir\\'" buffer-file-name)
                               (not (looking-at "[ \t\n]*<"))))
               . gir-mode))

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(gir-mode . ("girc" "lsp"))))

(provide 'gir-mode)
;;; gir-mode.el ends here

;;; compile_test.el - Emacs's compilation mode on girc's messages: with
;;; girc's default columns (display: a tab to the next multiple of 8, a
;;; CJK character 2), the first error of `girc check' on
;;; tests/data/cli/columns.gir lands on the wrong total, "24", at 76:22.
;;; Run by tests/suites/emacs.sh: emacs --batch -Q -l compile_test.el,
;;; with GIRC_MESSAGES (girc's standard error) and GIRC_ROOT (the tree).
(require 'compile)
(let ((root (file-name-as-directory (getenv "GIRC_ROOT")))
      (buf (get-buffer-create "*compilation*")))
  (with-current-buffer buf
    (insert "girc check\n")
    (insert-file-contents (getenv "GIRC_MESSAGES"))
    (compilation-mode)
    (setq default-directory root)
    (goto-char (point-min))
    (compilation-next-error 1)
    (compile-goto-error))
  (with-current-buffer (window-buffer (selected-window))
    (princ (format "%s %d:%d %s\n" (buffer-name) (line-number-at-pos) (1+ (current-column))
                   (buffer-substring (point) (+ (point) 2))))))

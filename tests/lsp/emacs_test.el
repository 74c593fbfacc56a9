;;; emacs_test.el --- real-client test of `girc lsp' with Emacs 28 + eglot 1.9  -*- lexical-binding: t -*-
;; Run by tests/suites/emacs.sh:
;;   GIRC=/abs/girc TEST_FILE="/tmp/x/报告 目录/新华 县.gir" emacs --batch -Q -l emacs_test.el
;; The file is tests/lsp/wrong-total.gir (新收's total is 24, should be 23),
;; in a folder whose path has Chinese characters and a space; the buffer
;; is in gir-mode (editors/emacs/gir-mode.el).  Checks: the diagnostic
;; (flymake), hover (plain text: eglot asks for it without markdown-mode),
;; completion of an official label's words, formatting = `girc fmt', a
;; refused format shown with its reason, and the quick fix that corrects
;; the total.  Prints "ok - emacs: NAME" / "not ok - emacs: NAME" lines.
(require 'package)
(setq package-load-list '((eglot t)))
(let ((d (car (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/eglot-*"))))
  (when d (add-to-list 'load-path d)))
(require 'eglot)
(load (expand-file-name "editors/emacs/gir-mode.el" (getenv "ROOT")) nil t)

(defvar gt-failed nil)
(defun gt-check (name ok &optional detail)
  (princ (format "%s - emacs: %s%s\n" (if ok "ok" "not ok") name
                 (if (and (not ok) detail) (format "\n  %s" detail) "")))
  (unless ok (setq gt-failed t))
  ok)
(defun gt-wait (pred secs)
  (let ((end (+ (float-time) secs)))
    (while (and (not (funcall pred)) (< (float-time) end))
      (accept-process-output nil 0.05))
    (funcall pred)))
(defun gt-goto (line col)
  (goto-char (point-min))
  (forward-line (1- line))
  (forward-char col))

(setq eglot-sync-connect 10 eglot-connect-timeout 20 eglot-events-buffer-size 0)
;; the server's stderr and exit status go to files (ASan reports land there)
(setq eglot-server-programs
      `((gir-mode . ("sh" "-c" "\"$0\" lsp 2>\"$1\"; echo $? >\"$2\"" ,(getenv "GIRC")
                     ,(getenv "SERVER_ERR") ,(getenv "SERVER_STATUS")))))
(defun gt-diags ()
  "The buffer's flymake diagnostics, asking flymake to run first (its
idle timers do not fire in batch)."
  (when (bound-and-true-p flymake-mode) (flymake-start))
  (flymake-diagnostics))
(defun gt-messages ()
  (with-current-buffer (messages-buffer) (buffer-string)))

(let* ((file (getenv "TEST_FILE"))
       (buf (find-file-noselect file)))
  (set-buffer buf)
  (gt-check "gir-mode from the file name" (eq major-mode 'gir-mode) (format "%s" major-mode))
  (font-lock-ensure)
  (gt-goto 19 1)
  (gt-check "keyword highlighted" (memq 'font-lock-keyword-face (ensure-list (get-text-property (point) 'face)))
            (format "%S" (get-text-property (point) 'face)))
  (apply #'eglot--connect (eglot--guess-contact))
  (gt-wait (lambda () (eglot-current-server)) 20)
  (gt-check "server started" (eglot-current-server))
  ;; 1. diagnostics
  (gt-wait (lambda () (gt-diags)) 20)
  (let* ((ds (flymake-diagnostics))
         (d (car ds)))
    (gt-check "one diagnostic" (= (length ds) 1) (format "%d" (length ds)))
    (when d
      (gt-check "diagnostic on the 24 of 新收"
                (equal (buffer-substring (flymake-diagnostic-beg d) (flymake-diagnostic-end d)) "24")
                (buffer-substring (flymake-diagnostic-beg d) (flymake-diagnostic-end d)))
      (gt-check "diagnostic is an error with E0501"
                (and (eq (flymake-diagnostic-type d) 'eglot-error)
                     (string-match-p "E0501\\|总计（新收）应为 23" (flymake-diagnostic-text d)))
                (format "%s %s" (flymake-diagnostic-type d) (flymake-diagnostic-text d)))))
  ;; 2. hover, in plain text as eglot asked
  (gt-goto 76 0)
  (end-of-line)
  (backward-char 1)
  (let* ((h (jsonrpc-request (eglot-current-server) :textDocument/hover (eglot--TextDocumentPositionParams)))
         (c (plist-get h :contents))
         (text (eglot--hover-info c)))
    (gt-check "hover is plain text" (equal (plist-get c :kind) "plaintext") (format "%S" (plist-get c :kind)))
    (gt-check "hover has no markdown" (and (string-match-p "应为 23，实为 24" text) (not (string-match-p "\\*\\*" text)))
              text))
  ;; 3. completion: the words of an official label find its row
  (gt-goto 77 0)
  (insert "  不予\n")
  (gt-goto 77 4)
  (let* ((capf (eglot-completion-at-point))
         (cands (and capf (all-completions (buffer-substring (nth 0 capf) (nth 1 capf)) (nth 2 capf)))))
    (gt-check "completing 不予 offers 国家秘密" (member "国家秘密" cands) (format "%S" (seq-take cands 8)))
    (gt-check "completing 不予 offers no column" (not (member "自然人" cands))))
  (gt-goto 77 0)
  (delete-region (point) (progn (forward-line 1) (point)))
  ;; 4. formatting: exactly girc fmt
  (gt-goto 76 0)
  (insert "  国家秘密   0 0 0   0 0 0 0\n")
  (let ((want (with-temp-buffer
                (insert (with-current-buffer buf (buffer-string)))
                (call-process-region (point-min) (point-max) (getenv "GIRC") t t nil "fmt" "-")
                (buffer-string))))
    (gt-check "format changes the text" (not (equal want (with-current-buffer buf (buffer-string)))))
    (eglot-format-buffer)
    (gt-check "format = girc fmt" (equal (buffer-string) want)))
  ;; 5. a refused format is shown, with the reason
  (goto-char (point-max))
  (insert "table @\n")
  (let ((before (buffer-string)))
    (eglot--signal-textDocument/didChange)
    (eglot-format-buffer)
    (gt-wait (lambda () (string-match-p "未排版" (gt-messages))) 5)
    (gt-check "refused format leaves the buffer" (equal (buffer-string) before))
    (gt-check "refused format is shown with its line" (string-match-p "Server reports.*第 [0-9]+ 行" (gt-messages))
              (car (last (split-string (gt-messages) "\n" t)))))
  (goto-char (point-max))
  (delete-region (line-beginning-position 0) (point-max))
  (eglot--signal-textDocument/didChange)
  ;; 5b. the recipe without a server: gir-format-buffer never destroys a buffer
  (let ((gir-girc-program (getenv "GIRC"))
        (text (buffer-string)))
    (with-temp-buffer
      (insert text "table @\n")
      (gir-mode)
      (let ((before (buffer-string)))
        (gir-format-buffer)
        (gt-check "gir-format-buffer on a syntax error leaves the buffer" (equal (buffer-string) before))
        (gt-check "gir-format-buffer says why" (string-match-p "buffer unchanged: .*E0" (gt-messages))
                  (car (last (split-string (gt-messages) "\n" t))))))
    (with-temp-buffer
      (insert (replace-regexp-in-string "^  结转 +" "  结转 " text))
      (gir-mode)
      (gir-format-buffer)
      (gt-check "gir-format-buffer formats" (equal (buffer-string) text))))
  ;; 6. the quick fix corrects the total
  (gt-wait (lambda () (gt-diags)) 10)
  (let ((d (car (flymake-diagnostics))))
    (when d
      (let* ((acts (eglot-code-actions (flymake-diagnostic-beg d) (flymake-diagnostic-end d) "quickfix"))
             (pref (seq-find (lambda (a) (plist-get a :isPreferred)) acts)))
        (gt-check "a preferred quick fix" pref (format "%S" acts))
        (when pref
          (eglot--read-execute-code-action (list pref) (eglot-current-server) "quickfix")))))
  (gt-check "quick fix wrote 23" (save-excursion (goto-char (point-min)) (re-search-forward "^  新收 +17 +3 +0 +0 +2 +1 +23$" nil t))
            (save-excursion (goto-char (point-min)) (re-search-forward "^  新收.*$" nil t) (match-string 0)))
  (eglot--signal-textDocument/didChange)
  (gt-check "diagnostic cleared" (gt-wait (lambda () (null (gt-diags))) 10))
  (set-buffer-modified-p nil)
  ;; shutdown and exit, then wait for the server to end by itself
  ;; (eglot-shutdown deletes the process right after exit)
  (let* ((server (eglot-current-server))
         (proc (jsonrpc--process server)))
    (setf (eglot--shutdown-requested server) t)
    (jsonrpc-request server :shutdown nil :timeout 5)
    (jsonrpc-notify server :exit nil)
    (gt-check "server ends after shutdown/exit" (gt-wait (lambda () (not (process-live-p proc))) 10)))
  (kill-emacs (if gt-failed 1 0)))

-- nvim_test.lua - real-client test of `girc lsp` with headless Neovim 0.7
-- (vim.lsp.start_client; vim.lsp.start does not exist before 0.8).
-- Run by tests/suites/nvim.sh:
--   GIRC=/abs/girc TEST_DIR=/tmp/x nvim --headless -n -i NONE -u nvim_test.lua /tmp/x/report.gir
-- The file is tests/lsp/wrong-total.gir: 新收's total is 24, should be 23.
-- Prints "ok - NAME" / "not ok - NAME" lines on stdout; exits non-zero on failure.
vim.o.swapfile = false
local girc, dir = vim.env.GIRC, vim.env.TEST_DIR
local failed = false
local function out(s) io.stdout:write(s .. '\n') end
local function check(name, cond, detail)
  if cond then out('ok - nvim: ' .. name)
  else failed = true; out('not ok - nvim: ' .. name .. (detail and ('\n  ' .. detail) or '')) end
  return cond
end
local function finish()
  vim.cmd(failed and 'cquit 1' or 'qall!')
end

-- what the hover on the wrong total must say (Chinese: LC_ALL=C)
local want_hover = table.concat({
  '**收到和处理政府信息公开申请情况**',
  '',
  '- 行：一、本年新收政府信息公开申请数量（新收）',
  '- 列：申请人情况 › 总计（总计）',
  '- 值：24',
  '- 计算：总计 = 自然人 17 + 商业企业 3 + 法律服务机构 2 + 其他 1 = 23',
  '- ✗ 与各项之和不一致：应为 23，实为 24',
  '- **E0501** 总计（新收）应为 23（= 自然人 17 + 商业企业 3 + 法律服务机构 2 + 其他 1），实为 24，多 1',
}, '\n')

local function run()
  local buf = vim.api.nvim_get_current_buf()
  local file = vim.api.nvim_buf_get_name(buf)
  vim.bo[buf].filetype = 'gir'
  -- stderr and the exit status of the server go to files (ASan reports land there)
  local id = vim.lsp.start_client({
    name = 'girc',
    cmd = { 'sh', '-c', '"$0" lsp 2>"$1"; echo $? >"$2"', girc, dir .. '/stderr', dir .. '/status' },
    root_dir = dir,
  })
  if not check('start_client', id ~= nil) then return finish() end
  vim.lsp.buf_attach_client(buf, id)

  -- 1. the diagnostic arrives, with the right range (nvim shows byte columns)
  local ok = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  if not check('diagnostics arrive', ok) then return finish() end
  local diags = vim.diagnostic.get(buf)
  local d = diags[1]
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1] or ''
  check('one diagnostic', #diags == 1, 'got ' .. #diags)
  check('diagnostic code E0501, error', code == 'E0501' and d.severity == vim.diagnostic.severity.ERROR,
        tostring(code) .. ' ' .. tostring(d.severity))
  check('diagnostic range 76:32-76:34 on "24"', d.lnum == 75 and d.end_lnum == 75 and d.col == 31 and d.end_col == 33
        and line:sub(d.col + 1, d.end_col) == '24',
        string.format('%d:%d-%d:%d %q', d.lnum, d.col, d.end_lnum, d.end_col, line:sub(d.col + 1, d.end_col)))
  check('diagnostic message', d.message:find('总计（新收）应为 23', 1, true) ~= nil, d.message)

  -- 2. hover on that total
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/hover',
    { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 75, character = 27 } }, 10000)
  local r = res and res[id] and res[id].result
  check('hover text', r and r.contents and r.contents.value == want_hover,
        r and r.contents and r.contents.value or vim.inspect(res))
  check('hover range', r and r.range and r.range.start.line == 75 and r.range.start.character == 27
        and r.range['end'].character == 29, r and vim.inspect(r.range))

  -- 3. formatting the buffer gives exactly `girc fmt`
  local want = vim.fn.systemlist({ girc, 'fmt', file })
  check('girc fmt runs', vim.v.shell_error == 0, table.concat(want, '\n'))
  vim.lsp.buf.formatting_sync(nil, 10000)
  local got = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local same = #got == #want
  for i = 1, math.min(#got, #want) do
    if got[i] ~= want[i] then same = false; out('  first difference at line ' .. i .. ': ' .. got[i] .. ' | ' .. want[i]); break end
  end
  check('formatted buffer equals girc fmt', same, #got .. ' vs ' .. #want .. ' lines')

  -- 4. an edit that fixes the total clears the diagnostic (didChange)
  local row = vim.api.nvim_buf_get_lines(buf, 75, 76, false)[1] or ''
  local at = row:find('24$')
  check('the total is still on line 76 after formatting', at ~= nil, row)
  if at then vim.api.nvim_buf_set_text(buf, 75, at - 1, 75, at + 1, { '23' }) end
  check('didChange clears the diagnostic', vim.wait(10000, function() return #vim.diagnostic.get(buf) == 0 end, 20))

  -- 5. clean shutdown: exit status 0, nothing on stderr
  vim.lsp.stop_client(id)
  vim.wait(10000, function() return vim.lsp.client_is_stopped(id) end, 20)
  vim.wait(10000, function() return vim.fn.filereadable(dir .. '/status') == 1
    and (vim.fn.readfile(dir .. '/status')[1] or '') ~= '' end, 20)
  local status = vim.fn.filereadable(dir .. '/status') == 1 and vim.fn.readfile(dir .. '/status')[1] or '?'
  check('server exit status 0 after shutdown/exit', status == '0', 'status ' .. tostring(status))
  local err = vim.fn.filereadable(dir .. '/stderr') == 1 and vim.fn.readfile(dir .. '/stderr') or {}
  check('server stderr empty', #err == 0, table.concat(err, '\n'))
  finish()
end

vim.api.nvim_create_autocmd('VimEnter', { callback = function()
  local ok, e = pcall(run)
  if not ok then out('not ok - nvim: script error: ' .. tostring(e)); vim.cmd('cquit 2') end
end })

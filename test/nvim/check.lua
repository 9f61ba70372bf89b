-- Neovim as a second, independent LSP client for mtus-lint.
--
-- Run by test/nvim/run.mjs, which makes a throwaway run folder and sets:
--   MTUS_NVIM_NODE     node executable
--   MTUS_NVIM_REPO     the mtus-lint checkout (bin/mtus-lint.js is started from it)
--   MTUS_NVIM_DRAFT    a copy of the one-item draft (quick fix is applied and written to it)
--   MTUS_NVIM_DRAFT2   a copy of the two-item draft (fix-all is applied and written to it)
--   MTUS_NVIM_RESULTS  file that receives the same lines as stdout
--   MTUS_NVIM_WAIT_MS  optional: how long one wait may take (default 10000)
--   MTUS_NVIM_LSP_LOG  optional: vim.lsp log level, e.g. "debug" (lsp.log under XDG_CACHE_HOME)
-- By hand: nvim --headless --clean -c 'luafile test/nvim/check.lua' with those set.
--
-- Prints "1..N", then one line per check: "ok - <what>" or "not ok - <what>: <why>", and
-- "# server pid <pid>" so the runner can make sure the server went away with the editor.
-- Exits with :cq 1 on any failure (including Lua errors and timeouts), :qa! otherwise.
-- Every wait is on an event (a publishDiagnostics notification for a given document version)
-- through vim.wait with a hard limit; a watchdog ends Neovim if anything still hangs.
-- Neovim 0.7.2 (Debian bookworm): vim.lsp.start_client + vim.lsp.buf_attach_client.

local WAIT_MS = tonumber(os.getenv('MTUS_NVIM_WAIT_MS') or '') or 10000
local WATCHDOG_MS = 6 * WAIT_MS
local CHECKS = {
  'diagnostics: one therapy-over-trial error on line 0 from mtus-lint',
  'hover on "2x4" explains the reading (8 sessions)',
  'hover on the citation shows a quotation',
  'code action: a preferred quickfix for the diagnostic',
  'quick fix applied and written: diagnostics for the new version are empty',
  'source.fixAll.mtus-lint: one action capping both items, applied and written, no diagnostics left',
  'document symbols: the outline lists both requested items with their reading',
  'completion after a treatment: quantities within the limit ("2x3"), none above it',
}

local results_file
do
  local path = os.getenv('MTUS_NVIM_RESULTS')
  if path and path ~= '' then results_file = io.open(path, 'w') end
end

local function emit(line)
  io.stdout:write(line, '\n')
  io.stdout:flush()
  if results_file then
    results_file:write(line, '\n')
    results_file:flush()
  end
end

local failed = 0
local reported = {}
local client_id

local function report(i, ok, why)
  if reported[i] then return end
  reported[i] = true
  if ok then
    emit('ok - ' .. CHECKS[i])
  else
    failed = failed + 1
    emit('not ok - ' .. CHECKS[i] .. ': ' .. tostring(why):gsub('\n', ' | '))
  end
end

local finishing = false
local function finish()
  if finishing then return end
  finishing = true
  for i = 1, #CHECKS do report(i, false, 'not reached') end
  -- Stop the server ourselves (shutdown + exit), then force it if it lingers.
  if client_id then
    local client = vim.lsp.get_client_by_id(client_id)
    if client then
      pcall(client.stop)
      local stopped = vim.wait(3000, function() return client.is_stopped() end, 20)
      if not stopped then pcall(client.stop, true) end
    end
  end
  if results_file then results_file:close() end
  if failed > 0 then vim.cmd('cq 1') else vim.cmd('qa!') end
end

-- Hard limit for the whole run, whatever happens below.
vim.defer_fn(function()
  if finishing then return end
  emit('# watchdog: no end after ' .. WATCHDOG_MS .. ' ms')
  failed = failed + 1
  pcall(finish)
  vim.cmd('cq 2')
end, WATCHDOG_MS)

local function need(name)
  local v = os.getenv(name)
  if not v or v == '' then error('environment variable ' .. name .. ' is not set (run test/nvim/run.mjs)') end
  return v
end

local function expect(cond, why)
  if not cond then error(why, 0) end
end

local function contains(s, needle)
  return type(s) == 'string' and s:find(needle, 1, true) ~= nil
end

local show = vim.inspect

-- Every publishDiagnostics notification, as the server sent it (the raw LSP diagnostics, with
-- their data, are what a code action request sends back); then Neovim's own handler runs.
local published = {}
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
local function on_publish(err, result, ctx, config)
  if result then
    table.insert(published, { uri = result.uri, version = result.version, diagnostics = result.diagnostics or {} })
  end
  return default_publish(err, result, ctx, config)
end

-- DiagnosticChanged fires when Neovim has stored the diagnostics for a buffer.
local changed = {}
vim.api.nvim_create_autocmd('DiagnosticChanged', {
  callback = function(args) changed[args.buf] = (changed[args.buf] or 0) + 1 end,
})

--- Wait until the server has published diagnostics for this buffer's current version and
--- Neovim has stored them; returns the raw LSP diagnostics.
local function wait_for_current(bufnr, what)
  local uri = vim.uri_from_bufnr(bufnr)
  local version = vim.lsp.util.buf_versions[bufnr]
  local found
  local ok = vim.wait(WAIT_MS, function()
    for i = #published, 1, -1 do
      local p = published[i]
      if p.uri == uri and (p.version == nil or p.version == vim.NIL or p.version == version) then
        found = p
        return (changed[bufnr] or 0) > 0
      end
    end
    return false
  end, 10)
  expect(ok, string.format('no diagnostics for %s (version %s) within %d ms; published: %s', what, tostring(version), WAIT_MS, show(published)))
  return found.diagnostics
end

local function request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, WAIT_MS)
  expect(responses, method .. ' got no response within ' .. WAIT_MS .. ' ms (' .. tostring(err) .. ')')
  local r = responses[client_id]
  expect(r, method .. ': no response from the mtus-lint client: ' .. show(responses))
  expect(not r.error, method .. ' failed: ' .. show(r.error))
  return r.result
end

local function open(path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'mtus-request' -- the FileType autocmd below attaches the client
  expect(vim.lsp.buf_is_attached(bufnr, client_id), 'client did not attach to ' .. path)
  return bufnr
end

local function lines(bufnr) return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') end

local function main()
  local node = need('MTUS_NVIM_NODE')
  local repo = need('MTUS_NVIM_REPO')
  local draft = need('MTUS_NVIM_DRAFT')
  local draft2 = need('MTUS_NVIM_DRAFT2')
  vim.o.hidden = true
  local log_level = os.getenv('MTUS_NVIM_LSP_LOG')
  if log_level and log_level ~= '' then vim.lsp.set_log_level(log_level) end

  client_id = vim.lsp.start_client({
    name = 'mtus-lint',
    cmd = { node, repo .. '/bin/mtus-lint.js', 'lsp', '--stdio' },
    root_dir = vim.fn.fnamemodify(draft, ':h'),
    settings = { mtusLint = { debounceMs = 0 } },
    -- Neovim 0.7 does not advertise workspace/configuration, so the server cannot pull the
    -- settings: push them once, as nvim-lspconfig does.
    on_init = function(client)
      client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
    end,
    flags = { debounce_text_changes = 0 },
    handlers = { ['textDocument/publishDiagnostics'] = on_publish },
  })
  expect(client_id, 'vim.lsp.start_client returned nil')
  vim.api.nvim_create_autocmd('FileType', {
    pattern = 'mtus-request',
    callback = function(args) vim.lsp.buf_attach_client(args.buf, client_id) end,
  })
  local initialized = vim.wait(WAIT_MS, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return c ~= nil and c.initialized == true
  end, 10)
  expect(initialized, 'server did not initialize within ' .. WAIT_MS .. ' ms (see lsp.log in the run folder)')
  local client = vim.lsp.get_client_by_id(client_id)
  emit('# server pid ' .. tostring(client.rpc.pid))
  emit('# offset encoding ' .. tostring(client.offset_encoding))

  -- 1. Diagnostics arrive, as Neovim stores them.
  local buf = open(draft)
  local uri = vim.uri_from_bufnr(buf)
  local raw = {}
  local ok1, err1 = pcall(function()
    raw = wait_for_current(buf, 'the draft')
    local ds = vim.diagnostic.get(buf)
    expect(#ds == 1, 'expected 1 diagnostic, got ' .. #ds .. ': ' .. show(ds))
    local d = ds[1]
    expect(d.source == 'mtus-lint', 'source ' .. show(d.source))
    expect(d.code == 'therapy-over-trial', 'code ' .. show(d.code))
    expect(contains(d.message, '8 acupuncture sessions exceeds the 3–6 trial limit'), 'message ' .. show(d.message))
    expect(d.lnum == 0, 'on line ' .. show(d.lnum))
    expect(d.severity == vim.diagnostic.severity.ERROR, 'severity ' .. show(d.severity))
    expect(#raw == 1, 'published ' .. show(raw))
  end)
  report(1, ok1, err1)

  -- 2. Hover on the quantity and on the citation.
  local function hover(line, col)
    local r = request(buf, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = line, character = col } })
    expect(type(r) == 'table' and r.contents, 'no hover: ' .. show(r))
    expect(r.contents.kind == 'markdown', 'contents not markdown: ' .. show(r.contents))
    -- Neovim's own conversion, as used for its hover window.
    local md = vim.lsp.util.convert_input_to_markdown_lines(r.contents)
    expect(#md > 0, 'Neovim made no lines of the hover')
    return r.contents.value
  end
  local first = vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1]
  local at = first:find('2x4', 1, true)
  report(2, pcall(function()
    expect(at, 'no "2x4" on line 0: ' .. show(first))
    local v = hover(0, at) -- 0-based character of the "x"
    expect(contains(v, '8 sessions'), 'hover text: ' .. show(v))
  end))
  local second = vim.api.nvim_buf_get_lines(buf, 1, 2, false)[1] or ''
  local cite = second:find('9792', 1, true)
  report(3, pcall(function()
    expect(cite, 'no citation on line 1: ' .. show(second))
    local v = hover(1, cite)
    expect(v:match('^>') or v:find('\n>'), 'no quotation (a line starting with ">") in: ' .. show(v))
  end))

  -- 3. Quick fix: ask with the diagnostic in the context, apply as Neovim applies edits, write.
  local fix
  report(4, pcall(function()
    expect(#raw == 1, 'no diagnostic to ask about')
    local actions = request(buf, 'textDocument/codeAction', {
      textDocument = { uri = uri },
      range = raw[1].range,
      context = { diagnostics = raw, triggerKind = 1 },
    })
    expect(type(actions) == 'table', 'no actions: ' .. show(actions))
    for _, a in ipairs(actions) do
      if a.kind == 'quickfix' and a.isPreferred == true and a.edit then fix = a end
    end
    expect(fix, 'no preferred quickfix with an edit among ' .. show(actions))
    expect(contains(fix.title, '2x3'), 'title ' .. show(fix.title))
  end))
  report(5, pcall(function()
    expect(fix, 'no quick fix to apply')
    changed[buf] = 0
    vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
    expect(vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1] == 'Acupuncture 2x3 for the low back',
      'buffer after the fix: ' .. show(lines(buf)))
    vim.cmd('write')
    expect(not vim.bo[buf].modified, 'buffer still modified after :write')
    local after = wait_for_current(buf, 'the fixed draft')
    expect(#after == 0, 'diagnostics left: ' .. show(after))
    expect(#vim.diagnostic.get(buf) == 0, 'Neovim still holds ' .. show(vim.diagnostic.get(buf)))
  end))

  -- 4. Fix all on a second buffer with two over-limit items.
  report(6, pcall(function()
    local buf2 = open(draft2)
    local uri2 = vim.uri_from_bufnr(buf2)
    local raw2 = wait_for_current(buf2, 'the second draft')
    expect(#raw2 == 2, 'expected 2 diagnostics, got ' .. show(raw2))
    local n = vim.api.nvim_buf_line_count(buf2)
    local actions = request(buf2, 'textDocument/codeAction', {
      textDocument = { uri = uri2 },
      range = { start = { line = 0, character = 0 }, ['end'] = { line = n, character = 0 } },
      context = { diagnostics = raw2, only = { 'source.fixAll.mtus-lint' }, triggerKind = 2 },
    })
    expect(type(actions) == 'table' and #actions == 1, 'expected one action, got ' .. show(actions))
    local a = actions[1]
    expect(a.kind == 'source.fixAll.mtus-lint', 'kind ' .. show(a.kind))
    expect(a.edit, 'action has no edit: ' .. show(a))
    local edits = 0
    for _, c in ipairs(a.edit.documentChanges or {}) do edits = edits + #(c.edits or {}) end
    expect(edits == 2, 'expected 2 text edits, got ' .. show(a.edit))
    changed[buf2] = 0
    vim.lsp.util.apply_workspace_edit(a.edit, 'utf-16')
    vim.cmd('write')
    expect(not vim.bo[buf2].modified, 'buffer still modified after :write')
    local after = wait_for_current(buf2, 'the fixed second draft')
    expect(#after == 0, 'diagnostics left: ' .. show(after) .. ' in ' .. show(lines(buf2)))

    -- 5. The outline of the fixed draft, as Neovim's document-symbol list would show it.
    report(7, pcall(function()
      local symbols = request(buf2, 'textDocument/documentSymbol', { textDocument = { uri = uri2 } })
      expect(type(symbols) == 'table' and #symbols > 0, 'no symbols: ' .. show(symbols))
      local items = vim.lsp.util.symbols_to_items(symbols, buf2)
      local names = {}
      for _, it in ipairs(items) do table.insert(names, it.text) end
      local all = table.concat(names, ' | ')
      expect(contains(all, 'Massage therapy') and contains(all, 'Acupuncture 2x3'), 'symbols: ' .. all)
    end))

    -- 6. Completion after a treatment on a new line: the quantities offered stay within the limit.
    report(8, pcall(function()
      local n2 = vim.api.nvim_buf_line_count(buf2)
      vim.api.nvim_buf_set_lines(buf2, n2, n2, false, { 'Acupuncture, lumbar spine, ' })
      local line = vim.api.nvim_buf_get_lines(buf2, n2, n2 + 1, false)[1]
      local r = request(buf2, 'textDocument/completion', { textDocument = { uri = uri2 }, position = { line = n2, character = #line } })
      expect(type(r) == 'table', 'no completion: ' .. show(r))
      local labels = {}
      for _, it in ipairs(r.items or r) do labels[it.label] = true end
      expect(labels['2x3'] and labels['1x6'], 'labels: ' .. show(vim.tbl_keys(labels)))
      expect(not labels['2x4'], '2x4 offered: ' .. show(vim.tbl_keys(labels)))
    end))
  end))
end

emit('1..' .. #CHECKS)
local ok, err = pcall(main)
if not ok then
  emit('# error: ' .. tostring(err):gsub('\n', ' | '))
  failed = failed + 1
end
local ok2, err2 = pcall(finish)
if not ok2 then
  emit('# error while finishing: ' .. tostring(err2))
  vim.cmd('cq 1')
end

-- Runs after the README's Neovim configuration, loaded exactly as written (nvim -u init.lua,
-- see readme-config.mjs), with the draft named on the command line: is it checked?
-- Writes "ok - ..." or "not ok - ..." lines and "# ..." notes to MTUS_NVIM_RESULTS, stops the
-- language server, and quits (:cq on failure).
local WAIT_MS = tonumber(os.getenv('MTUS_NVIM_WAIT_MS') or '') or 10000
local out = assert(io.open(assert(os.getenv('MTUS_NVIM_RESULTS')), 'w'))
local failed = false
local function emit(line)
  out:write(line, '\n')
  out:flush()
end
local function check(ok, what, why)
  if not ok then failed = true end
  emit((ok and 'ok - ' or 'not ok - ') .. what .. (ok and '' or (': ' .. tostring(why))))
end

local buf = vim.api.nvim_get_current_buf()
emit('# filetype "' .. vim.bo[buf].filetype .. '" (Neovim knows no .rfa language: the server goes by the file name)')
-- The client attaches once its server has answered initialize.
local attached = vim.wait(WAIT_MS, function() return next(vim.lsp.buf_get_clients(buf)) ~= nil end, 20)
local clients = vim.lsp.buf_get_clients(buf)
check(attached, 'the configuration started mtus-lint and attached it to the .rfa buffer', 'no client attached')
if attached then
  for _, c in pairs(clients) do emit('# server pid ' .. tostring(c.rpc.pid)) end
  local got = vim.wait(WAIT_MS, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  local ds = vim.diagnostic.get(buf)
  check(got and ds[1].code == 'therapy-over-trial' and ds[1].lnum == 0,
    'the draft gets the therapy-over-trial error on line 1, as in VS Code', vim.inspect(ds))
end
for _, c in pairs(vim.lsp.get_active_clients()) do
  c.stop()
  vim.wait(3000, function() return c.is_stopped() end, 20)
end
out:close()
if failed then vim.cmd('cq 1') else vim.cmd('qa!') end

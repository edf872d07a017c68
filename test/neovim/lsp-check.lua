-- Drives a language server from Neovim (>= 0.7, a second LSP client besides VS Code) and checks
-- diagnostics, hover and a code action. Run by test/neovim/run.mjs, which sets:
--   NB_LSP_CMD        JSON array, e.g. ["node","/abs/dist/server.js","--stdio"]
--   NB_LSP_FILE       file to open
--   NB_LSP_FILETYPE   languageId sent in didOpen (-u NONE has no filetype detection)
--   NB_LSP_EXPECT     JSON file [{code, line, character}] (zero-based start, LSP/UTF-16 units)
--   NB_LSP_HOVER      "line,character" and NB_LSP_HOVER_TEXT: substring the hover must contain
--   NB_LSP_ACTION     "line,character": the first action there with an edit must change the buffer
--   NB_LSP_TIMEOUT_MS deadline for each wait (default 15000)
-- Prints one JSON line on stdout, then `qall!` on success or `cquit 1` on failure.
local env = function(k) local v = os.getenv(k); return (v ~= nil and v ~= '') and v or nil end
local timeout = tonumber(env('NB_LSP_TIMEOUT_MS') or '15000')
local result = { ok = true, checks = {} }

local function check(name, ok, detail)
  table.insert(result.checks, { name = name, ok = ok and true or false, detail = detail })
  if not ok then result.ok = false end
end
local function finish()
  io.stdout:write(vim.json.encode(result) .. '\n')
  io.stdout:flush()
  vim.cmd(result.ok and 'qall!' or 'cquit 1')
end
local function pos(s) -- "3,4" -> {line=3, character=4}
  local l, c = s:match('^%s*(%d+)%s*[,:]%s*(%d+)%s*$')
  assert(l, 'bad position: ' .. s)
  return { line = tonumber(l), character = tonumber(c) }
end

local ok, err = pcall(function()
  local file = vim.fn.fnamemodify(assert(env('NB_LSP_FILE'), 'NB_LSP_FILE unset'), ':p')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = env('NB_LSP_FILETYPE') or 'yaml'
  local uri = vim.uri_from_bufnr(buf)

  -- Keep the raw LSP diagnostics: `code` may be a number or a string, compare as strings.
  local published, exit_code
  local client_id = vim.lsp.start_client({
    on_exit = function(code) exit_code = code end, -- a crashed server fails at once, not at the deadline
    cmd = vim.json.decode((assert(env('NB_LSP_CMD'), 'NB_LSP_CMD unset'))), -- (): assert returns 2 values
    root_dir = vim.fn.fnamemodify(file, ':h'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, params, ctx, cfg)
        if params.uri == uri then published = params.diagnostics end
        return vim.lsp.handlers['textDocument/publishDiagnostics'](e, params, ctx, cfg)
      end,
    },
  })
  assert(client_id, 'language server did not start')
  vim.lsp.buf_attach_client(buf, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  vim.wait(timeout, function() return client.initialized or exit_code ~= nil end, 50)
  assert(exit_code == nil, 'server exited with code ' .. tostring(exit_code) .. '; its stderr is in ' .. vim.lsp.get_log_path())
  assert(client.initialized, 'server did not initialize in time')

  -- Diagnostics: every expected code at its start position, and the same count.
  local expect_file = env('NB_LSP_EXPECT')
  if expect_file then
    local expected = vim.json.decode(table.concat(vim.fn.readfile(expect_file), '\n'))
    local function missing()
      local out = {}
      for _, x in ipairs(expected) do
        local found = false
        for _, d in ipairs(published or {}) do
          if tostring(d.code) == tostring(x.code) and d.range.start.line == x.line
            and d.range.start.character == x.character then found = true end
        end
        if not found then table.insert(out, x) end
      end
      return out
    end
    vim.wait(timeout, function() return published ~= nil and #missing() == 0 end, 50)
    local got = {}
    for _, d in ipairs(published or {}) do
      table.insert(got, { code = d.code, line = d.range.start.line, character = d.range.start.character, message = d.message })
    end
    result.diagnostics = got
    check('diagnostics published', published ~= nil, 'publishDiagnostics for ' .. uri)
    check('expected diagnostics present', #missing() == 0, { missing = missing() })
    check('diagnostic count', #got == #expected, string.format('got %d, expected %d', #got, #expected))
  end

  -- Async request + vim.wait, so every wait has the same deadline.
  local function request(method, params)
    local done, res, rerr = false, nil, nil
    client.request(method, params, function(e, r) done, res, rerr = true, r, e end, buf)
    if not vim.wait(timeout, function() return done end, 50) then return nil, method .. ' timed out' end
    return res, rerr and vim.inspect(rerr)
  end

  if env('NB_LSP_HOVER') then
    local hover, herr = request('textDocument/hover', { textDocument = { uri = uri }, position = pos(env('NB_LSP_HOVER')) })
    local text = ''
    if hover and hover.contents then
      text = table.concat(vim.lsp.util.convert_input_to_markdown_lines(hover.contents), '\n')
    end
    result.hover = text
    local want = env('NB_LSP_HOVER_TEXT') or ''
    check('hover', herr == nil and text ~= '' and text:find(want, 1, true) ~= nil, herr or ('must contain: ' .. want))
  end

  if env('NB_LSP_ACTION') then
    local p = pos(env('NB_LSP_ACTION'))
    local here = {} -- diagnostics on that line go in the context, as editors send them
    for _, d in ipairs(published or {}) do
      if d.range.start.line <= p.line and d.range['end'].line >= p.line then table.insert(here, d) end
    end
    local actions, aerr = request('textDocument/codeAction',
      { textDocument = { uri = uri }, range = { start = p, ['end'] = p }, context = { diagnostics = here } })
    local chosen
    for _, a in ipairs(actions or {}) do
      if a.edit then chosen = a; break end
    end
    -- Servers may leave the edit for codeAction/resolve.
    if not chosen and actions and actions[1] and actions[1].data and actions[1].title then
      local r = request('codeAction/resolve', actions[1])
      if r and r.edit then chosen = r end
    end
    result.actions = vim.tbl_map(function(a) return a.title end, actions or {})
    if chosen then
      local before = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
      vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
      local after = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
      result.applied = chosen.title
      check('code action applies', before ~= after, chosen.title)
    else
      check('code action applies', false, aerr or 'no action with an edit')
    end
  end
  client.stop()
end)
if not ok then check('error', false, tostring(err)) end
finish()

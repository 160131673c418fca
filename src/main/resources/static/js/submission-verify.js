// The keyboard verification screen (pages/submission-verify.html): moves through the
// entries with the arrow keys or J/K and records each decision through the submission
// API. A file of its own, not an inline script, because the Content-Security-Policy
// allows script-src 'self' only; the page passes the API's address and its CSRF token
// in data-* attributes of the entries' table.
(() => {
  const table = document.getElementById('entries');
  const api = table.dataset.api;
  // the page's CSRF token goes with every call, so the API may ask a session for it
  const headers = { 'Content-Type': 'application/json' };
  if (table.dataset.csrfHeader) { headers[table.dataset.csrfHeader] = table.dataset.csrfToken; }
  const rows = [...document.querySelectorAll('tr.entry')];
  const reasons = [...document.querySelectorAll('#reasons span')].map((span) => span.dataset.code);
  const reasonBox = document.getElementById('reasons');
  const problem = document.getElementById('problem');
  let current = 0;
  let rejecting = false;
  const show = () => rows.forEach((row, i) => row.classList.toggle('current', i === current));
  const move = (step) => { current = Math.max(0, Math.min(rows.length - 1, current + step)); show();
    rows[current].scrollIntoView({ block: 'nearest' }); };
  async function decide(decision, reason) {
    const row = rows[current];
    const response = await fetch(api + row.dataset.entry + '/decision', { method: 'PUT', credentials: 'same-origin',
      headers, body: JSON.stringify({ decision, reason }) });
    const body = await response.json();
    if (!response.ok) { problem.textContent = body.detail || body.error; problem.hidden = false; return; }
    problem.hidden = true;
    const cell = row.querySelector('td.decision');
    cell.className = 'decision ' + body.decision;
    cell.textContent = (body.decision === 'VERIFIED') ? '验证通过' : '不予验证：' + reasonLabel(body.reason);
    const next = rows.findIndex((r, i) => i > current && r.querySelector('td.decision').textContent === '未作结论');
    move((next >= 0 ? next : current + 1) - current);
  }
  const reasonLabel = (code) => document.querySelector('#reasons span[data-code="' + code + '"]').textContent.replace(/^\d+ /, '').trim();
  document.addEventListener('keydown', (event) => {
    if (event.target.tagName === 'INPUT') { if (event.key === 'Escape') { event.target.blur(); } return; }
    if (rejecting) {
      const index = parseInt(event.key, 10) - 1;
      if (index >= 0 && index < reasons.length) { decide('REJECTED', reasons[index]); }
      rejecting = false; reasonBox.classList.remove('open'); event.preventDefault(); return;
    }
    switch (event.key) {
      case 'ArrowDown': case 'j': case 'J': move(1); break;
      case 'ArrowUp': case 'k': case 'K': move(-1); break;
      case 'v': case 'V': decide('VERIFIED'); break;
      case 'r': case 'R': rejecting = true; reasonBox.classList.add('open'); break;
      case 'c': case 'C': document.getElementById('close-opinion').focus(); break;
      default: return;
    }
    event.preventDefault();
  });
  show();
})();

// Presentation mode's keys (ui.present), installed once per page (a flag on window): a key press clicks the
// button with that label (PREV, NEXT, END: replaced by the labels in the reader's language when the file is
// read); the frame's scale is kept as a number for browsers whose calc() cannot divide lengths (FRAME_W,
// FRAME_H: slides.PRESENT_FRAME).
(() => {
  const w = window.parent || window;
  if (w.__slideKeys) return;
  w.__slideKeys = true;
  const fit = () => w.document.documentElement.style.setProperty('--present-scale',
    String(Math.max(0.5, Math.min(w.innerWidth / FRAME_W, w.innerHeight / FRAME_H))));
  fit();
  w.addEventListener('resize', fit);
  w.document.addEventListener('keydown', (e) => {
    if (e.target && ['INPUT', 'TEXTAREA'].includes(e.target.tagName)) return;
    const label = {ArrowRight: 'NEXT', PageDown: 'NEXT', ArrowLeft: 'PREV', PageUp: 'PREV',
                   Escape: 'END'}[e.key];
    if (!label) return;
    const button = [...w.document.querySelectorAll('button')].find((b) => b.innerText.trim() === label);
    if (button && !button.disabled) { e.preventDefault(); button.click(); }
  });
})();

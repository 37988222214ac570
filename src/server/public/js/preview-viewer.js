// The preview's pages drawn with pdf.js (Mozilla's PDF reader, served from /assets/pdfjs/): a new version replaces the
// pages in place, so the clerk stays on the page and at the zoom they were reading; the browser's own PDF viewer
// starts again at page 1 with every update.

const PDFJS_URL = '/assets/pdfjs/pdf.min.mjs';
const MIN_ZOOM = 0.5;
const MAX_ZOOM = 4;

/** @type {Promise<{ lib: any, worker: any }> | undefined} */
let loading;
/** pdf.js and one worker for every version: starting a worker per version cost more than drawing it. */
function pdfjs() {
  loading ??= import(PDFJS_URL).then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = '/assets/pdfjs/pdf.worker.min.mjs';
    return { lib, worker: new lib.PDFWorker({ name: 'vanban-preview' }) };
  });
  return loading;
}

/**
 * @param {HTMLElement} box the scrolling area the pages are drawn into
 * @param {HTMLElement} zoomLabel where the zoom is shown ("100%")
 */
export function createViewer(box, zoomLabel) {
  let zoom = 1;
  /** @type {any} */
  let doc;
  let drawn = 0;
  let asked = 0;

  /** Draws every page at the box's width times the zoom, then swaps them in at the same scroll position. @param {any} d */
  async function draw(d) {
    const mine = ++drawn;
    const width = Math.max(200, box.clientWidth - 24);
    const dpr = window.devicePixelRatio || 1;
    /** @type {HTMLCanvasElement[]} */
    const pages = [];
    for (let i = 1; i <= d.numPages; i++) {
      const page = await d.getPage(i);
      if (mine !== drawn) return false;
      const scale = (width / page.getViewport({ scale: 1 }).width) * zoom;
      const vp = page.getViewport({ scale: scale * dpr });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(vp.width);
      canvas.height = Math.floor(vp.height);
      canvas.style.width = `${Math.floor(vp.width / dpr)}px`;
      canvas.style.height = `${Math.floor(vp.height / dpr)}px`;
      canvas.className = 'pdf-page';
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `Trang ${i} / ${d.numPages}`);
      await page.render({ canvasContext: /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d')), viewport: vp }).promise;
      pages.push(canvas);
    }
    if (mine !== drawn) return false;
    const at = { top: box.scrollTop, left: box.scrollLeft };
    box.replaceChildren(...pages);
    box.scrollTop = at.top;
    box.scrollLeft = at.left;
    zoomLabel.textContent = `${Math.round(zoom * 100)}%`;
    return true;
  }

  return {
    /** Shows a new version; resolves true once its pages are on screen (false when a newer one overtook it). @param {Uint8Array} bytes */
    async show(bytes) {
      const mine = ++asked;
      const { lib, worker } = await pdfjs();
      const next = await lib.getDocument({ data: bytes, isEvalSupported: false, worker }).promise;
      // A newer version asked for meanwhile wins, whichever was read first.
      if (mine !== asked) {
        void next.destroy();
        return false;
      }
      const old = doc;
      doc = next;
      const shown = await draw(next);
      if (old && old !== doc) void old.destroy();
      return shown;
    },
    /** @param {number} factor */
    async zoomBy(factor) {
      zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom * factor));
      if (doc) await draw(doc);
    },
    get zoom() {
      return zoom;
    },
  };
}

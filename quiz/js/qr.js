/**
 * A QR code of a link, drawn as SVG, made here in the browser (nothing is sent anywhere): byte
 * mode, error correction level M, versions 1 to 15 (up to 412 bytes), the mask chosen by the
 * standard's penalty rules (ISO/IEC 18004). A test compares its modules with the segno library's.
 */
(function (Q) {
  "use strict";

  // Per version (1-15), level M: error correction codewords per block, then [blocks, data codewords] groups.
  const BLOCKS = [null, [10, [1, 16]], [16, [1, 28]], [26, [1, 44]], [18, [2, 32]], [24, [2, 43]], [16, [4, 27]],
    [18, [4, 31]], [22, [2, 38], [2, 39]], [22, [3, 36], [2, 37]], [26, [4, 43], [1, 44]], [30, [1, 50], [4, 51]],
    [22, [6, 36], [2, 37]], [22, [8, 37], [1, 38]], [24, [4, 40], [5, 41]], [24, [5, 41], [5, 42]]];
  const ALIGN = [null, [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46],
    [6, 28, 50], [6, 30, 54], [6, 32, 58], [6, 34, 62], [6, 26, 46, 66], [6, 26, 48, 70]];
  const EXP = new Array(512);
  const LOG = new Array(256);
  for (let i = 0, x = 1; i < 255; i++, x = x & 0x80 ? ((x << 1) ^ 0x11d) & 0xff : x << 1) {
    EXP[i] = x;
    LOG[x] = i;
  }
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255];

  function multiply(a, b) {
    return a && b ? EXP[LOG[a] + LOG[b]] : 0;
  }

  /** Reed-Solomon error correction codewords of `data`. */
  function correction(data, count) {
    let generator = [1];
    for (let i = 0; i < count; i++) {
      const next = new Array(generator.length + 1).fill(0);
      generator.forEach((g, j) => {
        next[j] ^= g;
        next[j + 1] ^= multiply(g, EXP[i]);
      });
      generator = next;
    }
    const rest = data.concat(new Array(count).fill(0));
    for (let i = 0; i < data.length; i++) {
      const factor = rest[i];
      if (factor) generator.forEach((g, j) => { rest[i + j] ^= multiply(g, factor); });
    }
    return rest.slice(data.length);
  }

  /** The codewords of a version for `bytes`, blocks interleaved, or null if it does not fit. */
  function codewords(bytes, version) {
    const [ecc, ...groups] = BLOCKS[version];
    const capacity = groups.reduce((sum, [n, size]) => sum + n * size, 0);
    const bits = [];
    const push = (value, length) => { for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1); };
    push(4, 4);
    push(bytes.length, version < 10 ? 8 : 16);
    bytes.forEach((b) => push(b, 8));
    if (bits.length > capacity * 8) return null;
    push(0, Math.min(4, capacity * 8 - bits.length));
    while (bits.length % 8) bits.push(0);
    const data = [];
    for (let i = 0; i < bits.length; i += 8) data.push(parseInt(bits.slice(i, i + 8).join(""), 2));
    for (let pad = 0xec; data.length < capacity; pad ^= 0xec ^ 0x11) data.push(pad);
    const blocks = [];
    let at = 0;
    for (const [n, size] of groups) {
      for (let i = 0; i < n; i++, at += size) blocks.push(data.slice(at, at + size));
    }
    const result = [];
    for (let i = 0; i < Math.max(...blocks.map((b) => b.length)); i++) blocks.forEach((b) => { if (i < b.length) result.push(b[i]); });
    const corrections = blocks.map((b) => correction(b, ecc));
    for (let i = 0; i < ecc; i++) corrections.forEach((c) => result.push(c[i]));
    return result;
  }

  /** BCH remainder of `value` for the format (15 bits) or version (18 bits) information. */
  function bch(value, poly, degree) {
    let rest = value << degree;
    for (let i = 31 - Math.clz32(rest); i >= degree; i--) if ((rest >>> i) & 1) rest ^= poly << (i - degree);
    return (value << degree) | rest;
  }

  const MASKS = [(r, c) => (r + c) % 2 === 0, (r) => r % 2 === 0, (r, c) => c % 3 === 0, (r, c) => (r + c) % 3 === 0,
    (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0, (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
    (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0, (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0];

  /** The modules of a symbol with its function patterns; `reserved` marks them. */
  function base(version) {
    const size = version * 4 + 17;
    const modules = Array.from({ length: size }, () => new Array(size).fill(false));
    const reserved = Array.from({ length: size }, () => new Array(size).fill(false));
    const set = (r, c, dark) => { modules[r][c] = dark; reserved[r][c] = true; };
    for (const [r0, c0] of [[0, 0], [0, size - 7], [size - 7, 0]]) {
      for (let r = -1; r <= 7; r++) {
        for (let c = -1; c <= 7; c++) {
          if (r0 + r < 0 || r0 + r >= size || c0 + c < 0 || c0 + c >= size) continue;
          const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
          set(r0 + r, c0 + c, ring !== 2 && ring !== 4);
        }
      }
    }
    for (let i = 8; i < size - 8; i++) {
      set(6, i, i % 2 === 0);
      set(i, 6, i % 2 === 0);
    }
    const centres = ALIGN[version];
    const last = centres.length - 1;
    centres.forEach((r, i) => centres.forEach((c, j) => {
      if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return;
      for (let dr = -2; dr <= 2; dr++) for (let dc = -2; dc <= 2; dc++) set(r + dr, c + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
    }));
    for (let i = 0; i < 9; i++) {
      if (!reserved[8][i]) set(8, i, false);
      if (!reserved[i][8]) set(i, 8, false);
    }
    for (let i = 0; i < 8; i++) {
      set(8, size - 1 - i, false);
      set(size - 1 - i, 8, false);
    }
    set(size - 8, 8, true);
    if (version >= 7) {
      const bits = bch(version, 0x1f25, 12);
      for (let i = 0; i < 18; i++) {
        const dark = ((bits >>> i) & 1) === 1;
        set(Math.floor(i / 3), size - 11 + (i % 3), dark);
        set(size - 11 + (i % 3), Math.floor(i / 3), dark);
      }
    }
    return { size, modules, reserved };
  }

  function place(symbol, data, mask) {
    const { size, reserved } = symbol;
    const modules = symbol.modules.map((row) => row.slice());
    let index = 0;
    for (let right = size - 1, upward = true; right > 0; right -= 2, upward = !upward) {
      if (right === 6) right = 5;
      for (let i = 0; i < size; i++) {
        const r = upward ? size - 1 - i : i;
        for (const c of [right, right - 1]) {
          if (reserved[r][c]) continue;
          const dark = index < data.length * 8 && ((data[index >>> 3] >>> (7 - (index & 7))) & 1) === 1;
          index++;
          modules[r][c] = dark !== MASKS[mask](r, c);
        }
      }
    }
    const format = bch(mask, 0x537, 10) ^ 0x5412; // level M is 00
    const bit = (i) => ((format >>> i) & 1) === 1;
    for (let i = 0; i < 6; i++) modules[i][8] = bit(i);
    modules[7][8] = bit(6);
    modules[8][8] = bit(7);
    modules[8][7] = bit(8);
    for (let i = 9; i < 15; i++) modules[8][14 - i] = bit(i);
    for (let i = 0; i < 8; i++) modules[8][size - 1 - i] = bit(i);
    for (let i = 8; i < 15; i++) modules[size - 15 + i][8] = bit(i);
    return modules;
  }

  /** The standard's penalty of a masked symbol (lower is better). */
  function penalty(modules) {
    const size = modules.length;
    let score = 0;
    const lines = [];
    for (let i = 0; i < size; i++) lines.push(modules[i], modules.map((row) => row[i]));
    for (const line of lines) {
      for (let i = 0, run = 1; i < size; i++) {
        if (i + 1 < size && line[i + 1] === line[i]) run++;
        else {
          if (run >= 5) score += run - 2;
          run = 1;
        }
      }
      const text = line.map((d) => (d ? "1" : "0")).join("");
      for (const pattern of ["10111010000", "00001011101"]) {
        for (let i = text.indexOf(pattern); i >= 0; i = text.indexOf(pattern, i + 1)) score += 40;
      }
    }
    for (let r = 0; r < size - 1; r++) {
      for (let c = 0; c < size - 1; c++) {
        const d = modules[r][c];
        if (d === modules[r][c + 1] && d === modules[r + 1][c] && d === modules[r + 1][c + 1]) score += 3;
      }
    }
    const dark = modules.reduce((sum, row) => sum + row.filter(Boolean).length, 0);
    score += Math.floor(Math.abs(dark * 20 - size * size * 10) / (size * size)) * 10;
    return score;
  }

  /**
   * The modules of the QR code of `text` (true = dark), or null if it is too long.
   * @param {string} text
   * @param {number} [mask] 0-7; chosen by the penalty rules when left out
   * @returns {boolean[][]|null}
   */
  Q.qrModules = function (text, mask) {
    const bytes = Array.from(new TextEncoder().encode(text));
    for (let version = 1; version < BLOCKS.length; version++) {
      const data = codewords(bytes, version);
      if (!data) continue;
      const symbol = base(version);
      if (mask !== undefined) return place(symbol, data, mask);
      let best = null;
      let bestScore = Infinity;
      for (let m = 0; m < 8; m++) {
        const modules = place(symbol, data, m);
        const score = penalty(modules);
        if (score < bestScore) [best, bestScore] = [modules, score];
      }
      return best;
    }
    return null;
  };

  /**
   * The QR code of `text` as an SVG image with a text alternative, or null if it is too long.
   * @param {string} text
   * @param {string} label its accessible name
   * @returns {SVGSVGElement|null}
   */
  Q.qrSvg = function (text, label) {
    const modules = Q.qrModules(text);
    if (!modules) return null;
    const size = modules.length + 8;
    let path = "";
    modules.forEach((row, r) => row.forEach((dark, c) => { if (dark) path += `M${c + 4} ${r + 4}h1v1h-1z`; }));
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
    svg.setAttribute("class", "quiz__qr");
    const background = document.createElementNS(ns, "rect");
    background.setAttribute("width", String(size));
    background.setAttribute("height", String(size));
    background.setAttribute("fill", "#fff");
    const shape = document.createElementNS(ns, "path");
    shape.setAttribute("d", path);
    shape.setAttribute("fill", "#000");
    svg.append(background, shape);
    return svg;
  };
})(window.PartnershipQuiz = window.PartnershipQuiz || {});

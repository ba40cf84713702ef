// A corpus of XSS payloads for tests. Every payload, if it ever ran, calls
// the global `__xss()` (XSS_MARKER): the end-to-end test installs that
// function in the page and fails when it is called. None of these payloads
// contains a NUL or a line break, and each is at most 100 characters, so one
// fits into a title line, an attribution, a unit name, a section heading or
// a search query.

/** The global function every payload calls when it executes. */
export const XSS_MARKER = "__xss";

const CALL = `${XSS_MARKER}()`;

// Ways to run CALL that are written differently (for filters that look for one spelling).
const calls = [CALL, `window.${CALL}`, `top.${CALL}`, `self['${XSS_MARKER}']()`, `(0,${XSS_MARKER})()`];

// URL schemes that run script, in spellings browsers accept.
const scriptUrls = [
  `javascript:${CALL}`,
  `JaVaScRiPt:${CALL}`,
  `JAVASCRIPT:${CALL}`,
  ` javascript:${CALL}`,
  `java\tscript:${CALL}`,
  `java&#x09;script:${CALL}`,
  `java&#9;script:${CALL}`,
  `&#106;avascript:${CALL}`,
  `&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;${CALL}`,
  `&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058${CALL}`,
  `javascript&colon;${CALL}`,
  `jav&#x0A;ascript:${CALL}`,
  `javascript://%0a${CALL}`,
  `javascript:%5f%5fxss()`,
  `vbscript:${CALL}`,
  `VBScript:msgbox(${CALL})`,
  `data:text/html,<script>${CALL}</script>`,
  `data:text/html;base64,PHNjcmlwdD5fX3hzcygpPC9zY3JpcHQ+`,
  `DaTa:text/html,<svg onload=${CALL}>`,
  `data:image/svg+xml,<svg onload=${CALL}>`,
  `livescript:${CALL}`,
];

const eventHandlers = [
  "onload", "onerror", "onclick", "onmouseover", "onfocus", "onblur", "onanimationstart", "onpointerenter",
  "ontoggle", "onbegin", "onpageshow", "oninput", "onscroll", "onwheel", "onauxclick", "onbeforetoggle",
];

const handlerTags = [
  (h: string, c: string) => `<img src=x ${h}=${c}>`,
  (h: string, c: string) => `<svg ${h}=${c}>`,
  (h: string, c: string) => `<body ${h}=${c}>`,
  (h: string, c: string) => `<details open ${h}=${c}>`,
  (h: string, c: string) => `<input autofocus ${h}=${c}>`,
  (h: string, c: string) => `<p style="animation-name:x" ${h}="${c}">t</p>`,
  (h: string, c: string) => `<a href="#" ${h.toUpperCase()}='${c}'>x</a>`,
];

const fixed: string[] = [
  // Plain script tags and their malformed cousins.
  `<script>${CALL}</script>`,
  `<SCRIPT>${CALL}</SCRIPT>`,
  `<ScRiPt>${CALL}</sCrIpT>`,
  `<script src=data:,${CALL}></script>`,
  `<script>/*</script><script>*/${CALL}</script>`,
  `<scr<script>ipt>${CALL}</scr</script>ipt>`,
  `<<script>${CALL};//<</script>`,
  `<script x>${CALL}</script x>`,
  `<script/xss>${CALL}</script>`,
  `<script\t>${CALL}</script>`,
  `<script type="text/javascript">${CALL}</script>`,
  `<script type=module>${CALL}</script>`,
  `</title><script>${CALL}</script>`,
  `</textarea><script>${CALL}</script>`,
  `</style><script>${CALL}</script>`,
  `</noscript><script>${CALL}</script>`,
  `<!--<script>-->${CALL}<!--</script>-->`,
  `<!--><script>${CALL}</script>-->`,
  `<![CDATA[<script>${CALL}</script>]]>`,
  `<?xml version="1.0"?><script>${CALL}</script>`,
  `\u003cscript\u003e${CALL}\u003c/script\u003e`,
  `＜script＞${CALL}＜/script＞`,
  `%3Cscript%3E${CALL}%3C/script%3E`,
  `&lt;script&gt;${CALL}&lt;/script&gt;`,
  `&#60;script&#62;${CALL}&#60;/script&#62;`,
  `\\x3cscript\\x3e${CALL}\\x3c/script\\x3e`,
  // Attribute breakouts: text that ends up inside an attribute value.
  `"><script>${CALL}</script>`,
  `'><script>${CALL}</script>`,
  `" onmouseover="${CALL}" x="`,
  `' onfocus='${CALL}' autofocus x='`,
  `" autofocus onfocus=${CALL} "`,
  `"/><img src=x onerror=${CALL}>`,
  `'"><svg/onload=${CALL}>`,
  `" style="animation-name:x" onanimationstart="${CALL}`,
  `\` onerror=${CALL} \``,
  `"><iframe src="javascript:${CALL}">`,
  `</a><a href="javascript:${CALL}">x</a>`,
  `x" href="javascript:${CALL}`,
  `"><meta http-equiv="refresh" content="0;url=javascript:${CALL}">`,
  `');${CALL};//`,
  `";${CALL};//`,
  `\\";${CALL};//`,
  `</script><script>${CALL}</script>`,
  `${"${"}${CALL}}`,
  `{{constructor.constructor('${CALL}')()}}`,
  `<%= ${CALL} %>`,
  // SVG and MathML.
  `<svg><script>${CALL}</script></svg>`,
  `<svg><script href="data:,${CALL}"/></svg>`,
  `<svg><a xlink:href="javascript:${CALL}"><text x=9 y=9>x</text></a></svg>`,
  `<svg><animate onbegin=${CALL} attributeName=x dur=1s>`,
  `<svg><set attributeName=href to="javascript:${CALL}"/></svg>`,
  `<svg><use href="data:image/svg+xml,<svg id='x' onload='${CALL}'/>#x"/></svg>`,
  `<svg><foreignObject><iframe srcdoc="<script>parent.${CALL}</script>"></svg>`,
  `<svg><style><img src=x onerror=${CALL}></style></svg>`,
  `<svg><desc><![CDATA[</desc><script>${CALL}</script>]]></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${CALL}>`,
  `<math href="javascript:${CALL}">x</math>`,
  `<math><maction actiontype="statusline" xlink:href="javascript:${CALL}">x</maction></math>`,
  `<math><mi xlink:href="data:x,<script>${CALL}</script>">x</mi></math>`,
  `<math><annotation-xml encoding="text/html"><img src=x onerror=${CALL}>`,
  `<svg><title><![CDATA[</title><script>${CALL}</script>]]></title></svg>`,
  `<form><math><mtext></form><form><mglyph><svg><mtext><style><img src=x onerror=${CALL}>`,
  // Iframe, object, embed, template, meta, base, link, form.
  `<iframe src="javascript:${CALL}"></iframe>`,
  `<iframe srcdoc="<script>parent.${CALL}</script>"></iframe>`,
  `<iframe srcdoc="&lt;img src=x onerror=parent.${CALL}&gt;"></iframe>`,
  `<object data="javascript:${CALL}"></object>`,
  `<object data="data:text/html,<script>parent.${CALL}</script>"></object>`,
  `<embed src="javascript:${CALL}">`,
  `<embed src="data:image/svg+xml,<svg onload='parent.${CALL}'/>">`,
  `<template><img src=x onerror=${CALL}></template>`,
  `<template shadowrootmode=open><img src=x onerror=${CALL}></template>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${CALL}">`,
  `<meta http-equiv="refresh" content="0;url=data:text/html,<script>${CALL}</script>">`,
  `<base href="javascript:${CALL}//">`,
  `<link rel=import href="data:text/html,<script>${CALL}</script>">`,
  `<form action="javascript:${CALL}"><button>x</button></form>`,
  `<button formaction="javascript:${CALL}">x</button>`,
  `<isindex action="javascript:${CALL}" type=submit>`,
  `<video><source onerror=${CALL}></video>`,
  `<audio src=x onerror=${CALL}>`,
  `<marquee onstart=${CALL}>x</marquee>`,
  `<keygen autofocus onfocus=${CALL}>`,
  `<select autofocus onfocus=${CALL}>`,
  `<textarea autofocus onfocus=${CALL}>`,
  `<frameset onload=${CALL}>`,
  `<xss id=x tabindex=1 onfocusin=${CALL}></xss>`,
  `<noscript><p title="</noscript><img src=x onerror=${CALL}>">`,
  `<noembed><img title="</noembed><img src=x onerror=${CALL}>"></noembed>`,
  `<xmp><p title="</xmp><img src=x onerror=${CALL}>">`,
  `<plaintext><img src=x onerror=${CALL}>`,
  `<listing>&lt;img src=x onerror=${CALL}&gt;</listing>`,
  // CSS.
  `<div style="width:expression(${CALL})">x</div>`,
  `<p style="background:url(javascript:${CALL})">x</p>`,
  `<p style="behavior:url(x.htc);-moz-binding:url(data:x)">x</p>`,
  `<style>@import 'javascript:${CALL}';</style>`,
  `<style>*{background:url("javascript:${CALL}")}</style>`,
  `<p style="x:\\65xpression(${CALL})">x</p>`,
  `<p style="text-align:center;x:expression(${CALL})">x</p>`,
  `<p style="text-align:left&quot; onclick=&quot;${CALL}">x</p>`,
  `<p style='text-align:right"onmouseover="${CALL}'>x</p>`,
  `<link rel=stylesheet href="javascript:${CALL}">`,
  // Links and images with script URLs (the ones sanitizers must catch).
  `<a href="javascript:${CALL}">link</a>`,
  `<a href=" javascript:${CALL}">link</a>`,
  `<a href="jav&#x09;ascript:${CALL}">link</a>`,
  `<a href="&#x6A;avascript:${CALL}">link</a>`,
  `<a href="javascript&colon;${CALL}">link</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5fX3hzcygpPC9zY3JpcHQ+">link</a>`,
  `<a href="vbscript:${CALL}">link</a>`,
  `<a href="//evil.example/x.js">protocol-relative</a>`,
  `<img src="javascript:${CALL}">`,
  `<img src="data:image/svg+xml,<svg onload=${CALL}>">`,
  `<img src=x:x onerror=${CALL}>`,
  `<img/src=x/onerror=${CALL}>`,
  `<img src=x onerror="&#95;&#95;xss()">`,
  `<img src=x onerror=\\u005f\\u005fxss()>`,
  `<img src=x onerror=eval(atob('X194c3MoKQ=='))>`,
  `<img src=x onerror=eval('\\x5f\\x5fxss()')>`,
  `<img """><script>${CALL}</script>">`,
  `<img src="x` + "`" + `onerror=${CALL}>`,
  `<img src=x onerror\t=${CALL}>`,
  `<img src=x onerror\n=${CALL}>`.replace("\n", " "),
  `<img src=x onerror=${CALL}//`,
  `<img src=x ONERROR=${CALL}>`,
  `<IMG SRC=x oNeRrOr=${CALL}>`,
  `<img src="/media/${"a".repeat(64)}" onerror=${CALL}>`,
  `<img src="https://x.invalid/a.png" onerror=${CALL}>`,
  `<img alt="\`><img src=x onerror=${CALL}>">`,
  `<a href="https://x.invalid" title="<img src=x onerror=${CALL}>">t</a>`,
  `<a href="https://x.invalid/?q=&quot;><script>${CALL}</script>">t</a>`,
  // Nesting and mutation tricks.
  `<p><p><img src=x onerror=${CALL}></p></p>`,
  `<table><tr><td><img src=x onerror=${CALL}></td></tr></table>`,
  `<table><img src=x onerror=${CALL}></table>`,
  `<ul><li><svg onload=${CALL}></li></ul>`,
  `<blockquote><iframe srcdoc="<script>parent.${CALL}</script>"></blockquote>`,
  `<strong><em><u><s><img src=x onerror=${CALL}></s></u></em></strong>`,
  `<div><div><div><div><div><img src=x onerror=${CALL}></div></div></div></div></div>`,
  `<a><a href="javascript:${CALL}">x</a></a>`,
  `<h2><script>${CALL}</script></h2>`,
  `<td colspan="1 onmouseover=${CALL}">x</td>`,
  `<th rowspan='1" onclick="${CALL}'>x</th>`,
  `<img src=x onerror=${CALL}`,
  `<svg onload=${CALL}`,
  `<img src="x" onerror="${CALL}"/`,
  `<!--x--!><img src=x onerror=${CALL}>`,
  `<! x><img src=x onerror=${CALL}>`,
  `<//img src=x onerror=${CALL}>`,
  `<img src=x onerror=${CALL}></img></img>`,
  `<p title="x<!--"><img src=x onerror=${CALL}>-->`,
  `<div id="x"><style>x{}</style><img src=x onerror=${CALL}></div>`,
  `<select><template><img src=x onerror=${CALL}></template></select>`,
  `<svg></p><style><a id="</style><img src=x onerror=${CALL}>">`,
  `<noscript><style></noscript><img src=x onerror=${CALL}>`,
  // Unicode tricks.
  `<img src=x onerror=\u200b${CALL}>`,
  `<img\u000csrc=x\u000conerror=${CALL}>`,
  `<\u0131mg src=x onerror=${CALL}>`,
  `<ſcript>${CALL}</ſcript>`,
  `\u202e>tpircs/<${CALL}>tpircs<`,
  `<img src=x onerror=${CALL}>\ufeff`,
  `\ud83d\ude00<img src=x onerror=${CALL}>`,
  `标题<img src=x onerror=${CALL}>标题`,
  `（<script>${CALL}</script>）`,
  `<a href="\u0000javascript:${CALL}">x</a>`.replace("\u0000", "\u0001"),
  `<a href="java\u00adscript:${CALL}">x</a>`,
  `<a href="ja\u200dvascript:${CALL}">x</a>`,
  `<img src=x onerror=${CALL}>\u2028`,
  `＂＞＜img src=x onerror=${CALL}＞`,
  `‹script›${CALL}‹/script›`,
  // Entity-encoded markup (must stay text, never become tags).
  `&lt;img src=x onerror=${CALL}&gt;`,
  `&#x3C;img src=x onerror=${CALL}&#x3E;`,
  `&#0000060img src=x onerror=${CALL}&#0000062`,
  `&LT;svg onload=${CALL}&GT;`,
  `&lt;iframe src=javascript:${CALL}&gt;`,
  `%3Cimg%20src%3Dx%20onerror%3D${CALL}%3E`,
  `%253Cscript%253E${CALL}%253C/script%253E`,
  `\\u003cimg src=x onerror=${CALL}\\u003e`,
];

function build(): string[] {
  const out = new Set<string>(fixed);
  for (const [i, handler] of eventHandlers.entries()) {
    const tag = handlerTags[i % handlerTags.length]!;
    out.add(tag(handler, calls[i % calls.length]!));
    out.add(tag(handler, `"${CALL}"`).replace(`""${CALL}""`, `"${CALL}"`));
  }
  for (const url of scriptUrls) {
    out.add(`<a href="${url}">x</a>`);
    out.add(`<iframe src="${url}">`);
    if (!url.includes("<")) out.add(url);
  }
  for (const c of calls) {
    out.add(`<script>${c}</script>`);
    out.add(`<svg/onload=${c}>`);
  }
  return [...out].filter((p) => p.length <= 100 && !/[\0\r\n]/.test(p));
}

/** ≥ 200 distinct payloads; see the file comment. */
export const XSS_PAYLOADS: readonly string[] = build();

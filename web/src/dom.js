// The page's one way to make elements: text always as text nodes (never innerHTML).

/** An element with attributes (on* keys are listeners; true/false toggle a boolean
 * attribute) and children (strings become text nodes; null is skipped). */
export function el (tag, attrs = {}, ...children) {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value)
    else if (value === true) node.setAttribute(name, '')
    else if (value !== false && value != null) node.setAttribute(name, value)
  }
  for (const child of children) {
    if (child == null) continue
    node.append(typeof child === 'string' ? document.createTextNode(child) : child)
  }
  return node
}

export function clear (node) {
  while (node.firstChild) node.removeChild(node.firstChild)
}

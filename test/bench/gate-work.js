// The page's own work in the gate benchmark: insert ordinary elements, then
// untagged tracker scripts, each timed until the mutation observers have run.
window.work = async function (ordinary, trackers) {
  const root = document.getElementById("root");

  let start = performance.now();
  for (let i = 0; i < ordinary; i++) {
    const item = document.createElement(i % 4 === 0 ? "img" : i % 4 === 1 ? "a" : "div");
    // One cached pixel: the src setter runs every time, without 500 fetches' noise.
    if (item.nodeName === "IMG") item.src = "/pixel.gif";
    else if (item.nodeName === "A") item.setAttribute("href", "/item/" + i);
    else item.innerHTML = "<span>item " + i + "</span>";
    root.appendChild(item);
  }
  await Promise.resolve();
  const ordinaryTime = performance.now() - start;

  const hosts = [
    "https://static.hotjar.com/c/hotjar-1.js?sv=6&n=",
    "https://www.googletagmanager.com/gtag/js?id=G-XXXX&n=",
    "https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js?n=",
    "https://connect.facebook.net/en_US/fbevents.js?n=",
  ];
  start = performance.now();
  for (let i = 0; i < trackers; i++) {
    const script = document.createElement("script");
    script.async = true;
    script.src = hosts[i % hosts.length] + i;
    document.head.appendChild(script);
  }
  await Promise.resolve();
  return { ordinary: ordinaryTime, trackers: performance.now() - start };
};

// The same kinds of work once the page's code is warm (JIT-compiled), in µs
// per operation: what the gate costs a page that keeps inserting, beyond the
// first few thousand nodes that `work` measures cold.
window.ops = function (n) {
  const root = document.getElementById("root");
  const kinds = {
    "innerHTML =": () => {
      document.createElement("div").innerHTML = "<span>item</span>";
    },
    "img.src =": () => {
      document.createElement("img").src = "/pixel.gif";
    },
    setAttribute: () => {
      document.createElement("a").setAttribute("href", "/item");
    },
    appendChild: () => {
      root.appendChild(document.createElement("div"));
    },
    append: () => {
      root.append(document.createElement("div"));
    },
    // A framework builds a subtree bottom-up, each part appended to its parent while detached, then appends it.
    "subtree, built and appended": () => {
      const list = document.createElement("ul");
      for (let i = 0; i < 4; i++) {
        const item = document.createElement("li");
        const img = document.createElement("img");
        img.src = "/pixel.gif";
        item.appendChild(img);
        item.appendChild(document.createElement("span"));
        list.appendChild(item);
      }
      root.appendChild(list);
    },
  };
  const out = {};
  for (const [name, op] of Object.entries(kinds)) {
    for (let i = 0; i < n; i++) op(); // warm-up
    const start = performance.now();
    for (let i = 0; i < n; i++) op();
    out[name] = ((performance.now() - start) / n) * 1000;
    root.textContent = "";
  }
  return out;
};

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

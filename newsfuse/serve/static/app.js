// One sentence's evidence open at a time, and the cited words of an article in view.
// Served as a file: the Content-Security-Policy runs no inline script.
document.addEventListener("DOMContentLoaded", () => {
  const sentences = document.querySelectorAll("details.sentence");
  sentences.forEach((item) => {
    item.addEventListener("toggle", () => {
      if (!item.open) return;
      sentences.forEach((other) => { if (other !== item) other.open = false; });
    });
  });
  const marked = document.getElementById("marked");
  if (marked) marked.scrollIntoView({ block: "center" });
});

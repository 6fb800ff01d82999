// The upload form of the 导入公开文本 page: sends the files with a progress bar (large PDFs
// take a while), then shows the page the server answers with. Without JavaScript the form
// posts as usual.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-upload-progress]");
  if (!form || !window.XMLHttpRequest || !window.FormData) return;
  const box = form.querySelector(".upload-progress");
  const bar = form.querySelector("progress");
  const text = form.querySelector("[data-progress-text]");
  const button = form.querySelector("[type=submit]");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open("POST", form.action || window.location.href);
    request.setRequestHeader("X-Requested-With", "XMLHttpRequest");
    box.hidden = false;
    button.disabled = true;
    request.upload.addEventListener("progress", (progress) => {
      if (!progress.lengthComputable) return;
      const share = Math.round((progress.loaded / progress.total) * 100);
      bar.value = share;
      bar.textContent = share + "%";
      text.textContent = share < 100 ? "已上传 " + share + "%" : "上传完成，正在识别……";
    });
    request.addEventListener("load", () => {
      // The server answers with the address to open (JSON), or with the form again, its
      // messages saying what was wrong, which replaces this page.
      if ((request.getResponseHeader("Content-Type") || "").startsWith("application/json")) {
        window.location.assign(JSON.parse(request.responseText).redirect);
      } else {
        document.open();
        document.write(request.responseText);
        document.close();
      }
    });
    request.addEventListener("error", () => {
      text.textContent = "上传失败，请检查网络后重试。";
      button.disabled = false;
    });
    request.send(new FormData(form));
  });
});

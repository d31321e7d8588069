// The translation editor (a React app of wagtail-localize) labels its primary button
// "Publish in <language>"; for a translator the server submits it to review instead
// (cms/localization/review.py), so the button says so. It is drawn after this script runs.
(() => {
  const script = document.currentScript;
  const relabel = () => {
    const button = document.querySelector(
      '.js-translation-editor button[name="action"][value="publish"]',
    );
    if (!button) return false;
    const label = button.querySelector('em') || button;
    label.textContent = script.dataset.label;
    button.dataset.wProgressActiveValue = script.dataset.activeLabel;
    button.dataset.clickedText = script.dataset.activeLabel;
    return true;
  };
  if (!relabel()) {
    new MutationObserver((_records, observer) => {
      if (relabel()) observer.disconnect();
    }).observe(document.body, { childList: true, subtree: true });
  }
})();

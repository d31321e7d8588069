// Suggestions under a search box as the reader types: titles of pages in the reader's
// language, from the suggest endpoint named in the box's data-suggest attribute.
(function () {
  "use strict";
  document.querySelectorAll("input[data-suggest]").forEach(function (input, index) {
    var list = document.createElement("ul");
    var timer = null;
    var latest = 0;
    list.id = "search-suggestions-" + index;
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    input.insertAdjacentElement("afterend", list);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function show(suggestions) {
      list.replaceChildren();
      suggestions.forEach(function (suggestion) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        item.setAttribute("role", "option");
        link.href = suggestion.url;
        link.textContent = suggestion.title;
        item.appendChild(link);
        list.appendChild(item);
      });
      list.hidden = suggestions.length === 0;
      input.setAttribute("aria-expanded", String(!list.hidden));
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      if (input.value.trim().length < 2) {
        close();
        return;
      }
      timer = setTimeout(function () {
        var asked = ++latest;
        var url = input.dataset.suggest + "?q=" + encodeURIComponent(input.value);
        fetch(url, { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) { if (asked === latest) { show(data.suggestions); } })
          .catch(close);
      }, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { close(); }
      if (event.key === "ArrowDown" && !list.hidden) {
        event.preventDefault();
        list.querySelector("a").focus();
      }
    });
    list.addEventListener("keydown", function (event) {
      var current = document.activeElement.closest("li");
      if (event.key === "ArrowDown" && current.nextElementSibling) {
        event.preventDefault();
        current.nextElementSibling.querySelector("a").focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        (current.previousElementSibling ? current.previousElementSibling.querySelector("a") : input).focus();
      } else if (event.key === "Escape") {
        close();
        input.focus();
      }
    });
  });
})();

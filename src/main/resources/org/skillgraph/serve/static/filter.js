// Filters a list as the user types: <input data-filter="list-id">.
document.querySelectorAll('input[data-filter]').forEach(function (input) {
  var list = document.getElementById(input.getAttribute('data-filter'));
  if (!list) { return; }
  input.addEventListener('input', function () {
    var q = input.value.trim().toLowerCase();
    list.querySelectorAll('li').forEach(function (li) {
      li.hidden = q !== '' && li.textContent.toLowerCase().indexOf(q) < 0;
    });
  });
});

// Shows when the page was loaded.
document.getElementById("loaded").textContent = new Date().toLocaleTimeString();

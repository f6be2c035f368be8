// Loaded before Decap CMS: it waits for admin.js to register the site's YAML format and
// previews, and admin.js then starts it (CMS.init()).
window.CMS_MANUAL_INIT = true;

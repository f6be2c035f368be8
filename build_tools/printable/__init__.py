"""The Local Offer on paper: one print-ready HTML page and a tagged PDF made from it."""

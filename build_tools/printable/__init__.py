"""The Local Offer on paper: one print-ready HTML page of everything, and tagged PDF booklets
made from the same HTML, one per kind of service plus the guidance and the easy-read pages."""

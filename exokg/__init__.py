"""exokg: knowledge graphs of MSC exosome therapy for stroke."""

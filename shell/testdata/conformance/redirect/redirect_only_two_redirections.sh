2>/dev/null > both
ls both

[ -e /nonexistent ] || { echo "missing"; }
true || { echo never; exit 1; }
echo end

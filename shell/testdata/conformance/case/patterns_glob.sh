for w in file.txt file.c README x; do
  case $w in *.txt) echo text;; *.[ch]) echo source;; [A-Z]*) echo upper;; ?) echo single;; esac
done

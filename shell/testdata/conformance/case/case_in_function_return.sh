f() { case $1 in y) return 0;; *) return 1;; esac; }
f y && echo yes
f n || echo no

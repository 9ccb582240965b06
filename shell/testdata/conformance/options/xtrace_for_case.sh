set -x
for i in a; do case $i in a) echo A;; esac; done

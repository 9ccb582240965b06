# flags: -e
case $- in *e*) echo e-on;; esac

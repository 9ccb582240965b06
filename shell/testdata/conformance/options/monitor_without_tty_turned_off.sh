# expect: without a terminal dash refuses job control: set -m says so and leaves m off (the runner gives no controlling tty)
set -m
echo "status $?"
case $- in *m*) echo m-on;; *) echo m-off;; esac

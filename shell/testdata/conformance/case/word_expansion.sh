x=hello
case $x in hel*) echo prefix;; esac
case "$(echo hi)" in hi) echo subst;; esac

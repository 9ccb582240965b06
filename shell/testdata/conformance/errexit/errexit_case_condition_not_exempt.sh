set -e
case $(false) in *) echo case-ran;; esac
echo survived

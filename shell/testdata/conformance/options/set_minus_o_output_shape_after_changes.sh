set -o allexport -o noclobber
set -o | grep -E '^(allexport|noclobber)'

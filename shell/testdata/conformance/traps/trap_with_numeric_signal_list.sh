trap 'echo got' 15 10
trap > f
sort f

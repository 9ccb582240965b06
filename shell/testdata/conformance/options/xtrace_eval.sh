set -x
eval 'echo from-eval'

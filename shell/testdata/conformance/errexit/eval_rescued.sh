set -e
eval 'false' || echo rescued-eval
echo survived

attempt=0
flaky() { attempt=$((attempt+1)); [ $attempt -ge 3 ]; }
until flaky; do echo "attempt $attempt failed"; done
echo "succeeded after $attempt"

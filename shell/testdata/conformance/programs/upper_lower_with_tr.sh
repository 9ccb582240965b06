s='Mixed Case 123'
echo "$s" | tr '[:lower:]' '[:upper:]'
echo "$s" | tr '[:upper:]' '[:lower:]'

# expect: brace expansion is a bash extension; dash leaves {a,b} literal
echo {a,b,c}
echo x{1..3}

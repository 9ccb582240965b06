# expect: |& is bash-only: in dash '|' then '&' is a syntax error
echo x |& cat

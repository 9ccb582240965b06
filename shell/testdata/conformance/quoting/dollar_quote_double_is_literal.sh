# expect: $"..." (bash locale translation) is not in dash: $ stays literal
echo $"text"

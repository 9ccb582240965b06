long_variable_name=7
echo $((long_variable_name * 6))

# expect: export's operands are assignments, so dash expands ~ after = there
HOME=/h
export T=~/t
echo "$T"

x=abc123def
echo ${x%%[0-9]*}
echo ${x##*[0-9]}
echo ${x#[a-c]}
echo ${x%[!0-9]}

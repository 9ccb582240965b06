/* One program with calls of every strace class for the strace tests:
   System V IPC, sockets and their options, memory advice and remapping,
   signal stacks and waits, epoll, eventfd and select, stat and statx,
   limits, and a failed execve with its argv and envp. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#include <string.h>
#include <signal.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/sem.h>
#include <sys/msg.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <sys/mman.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/select.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <time.h>
#include <sys/prctl.h>
#include <sys/vfs.h>
#include <sys/sysmacros.h>
#include <poll.h>
#include <linux/netlink.h>
#include <grp.h>
struct msgb { long mtype; char t[8]; };
int main(void) {
  char buf[64]; struct stat st;
  write(99, "BEGIN", 5);
  /* ipc */
  int shm = shmget(IPC_PRIVATE, 4096, IPC_CREAT|0600); void *a = shmat(shm, NULL, SHM_RDONLY); shmdt(a); shmctl(shm, IPC_RMID, NULL);
  int sem = semget(IPC_PRIVATE, 1, IPC_CREAT|0600); struct sembuf sb = {0, 1, SEM_UNDO}; semop(sem, &sb, 1); semctl(sem, 0, IPC_RMID);
  int mq = msgget(IPC_PRIVATE, IPC_CREAT|0600); struct msgb m = {1, "hi"}; msgsnd(mq, &m, 3, IPC_NOWAIT); msgrcv(mq, &m, 8, 0, IPC_NOWAIT); msgctl(mq, IPC_RMID, NULL);
  /* network */
  int sv[2]; socketpair(AF_UNIX, SOCK_STREAM, 0, sv); send(sv[0], "ping", 4, MSG_DONTWAIT); recv(sv[1], buf, 4, 0);
  sendto(sv[0], "x", 1, MSG_NOSIGNAL, NULL, 0); recvfrom(sv[1], buf, 1, MSG_PEEK, NULL, NULL); shutdown(sv[0], SHUT_WR); close(sv[0]); close(sv[1]);
  int l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP); int one = 1; setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  setsockopt(l, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  struct sockaddr_in sin; memset(&sin, 0, sizeof sin); sin.sin_family = AF_INET; sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(l, (struct sockaddr *)&sin, sizeof sin); listen(l, 5); socklen_t sl = sizeof sin; getsockname(l, (struct sockaddr *)&sin, &sl);
  int c = socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK, 0); connect(c, (struct sockaddr *)&sin, sizeof sin);
  getpeername(l, (struct sockaddr *)&sin, &sl); int acc = accept4(l, NULL, NULL, SOCK_CLOEXEC); close(acc); close(c); close(l);
  struct sockaddr_un sun; memset(&sun, 0, sizeof sun); sun.sun_family = AF_UNIX; strcpy(sun.sun_path, "/nonexistent/sock");
  int u = socket(AF_UNIX, SOCK_SEQPACKET, 0); connect(u, (struct sockaddr *)&sun, sizeof sun); close(u);
  socket(AF_NETLINK, SOCK_RAW, 0); socket(AF_PACKET, SOCK_DGRAM, 0); socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP);
  { /* a refused connection's SO_ERROR; a datagram and its sender */
    int r = socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK, 0); struct sockaddr_in d; memset(&d, 0, sizeof d);
    d.sin_family = AF_INET; d.sin_port = htons(9); d.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connect(r, (struct sockaddr *)&d, sizeof d); struct pollfd pf = {r, POLLOUT, 0}; poll(&pf, 1, 1000);
    int err; socklen_t el = sizeof err; getsockopt(r, SOL_SOCKET, SO_ERROR, &err, &el); close(r);
    int u1 = socket(AF_INET, SOCK_DGRAM, 0); bind(u1, (struct sockaddr *)&sin, sizeof sin);
    struct sockaddr_in me; socklen_t ml = sizeof me; getsockname(u1, (struct sockaddr *)&me, &ml);
    sendto(u1, "dgram", 5, 0, (struct sockaddr *)&me, sizeof me);
    struct sockaddr_storage from; socklen_t fl = sizeof from; recvfrom(u1, buf, sizeof buf, 0, (struct sockaddr *)&from, &fl); close(u1);
  }
  { /* messages with a header: two pieces of data, then a descriptor passed along */
    int sp[2]; socketpair(AF_UNIX, SOCK_DGRAM, 0, sp);
    struct iovec io[2] = {{"hello", 5}, {"world", 5}}; struct msghdr mh; memset(&mh, 0, sizeof mh); mh.msg_iov = io; mh.msg_iovlen = 2;
    sendmsg(sp[0], &mh, 0);
    char rb[100]; struct iovec ri = {rb, sizeof rb}; struct sockaddr_un from; struct msghdr rh; memset(&rh, 0, sizeof rh);
    rh.msg_name = &from; rh.msg_namelen = sizeof from; rh.msg_iov = &ri; rh.msg_iovlen = 1; recvmsg(sp[1], &rh, 0);
    union { char b[CMSG_SPACE(sizeof(int))]; struct cmsghdr a; } cb; memset(&cb, 0, sizeof cb);
    mh.msg_iovlen = 1; mh.msg_control = cb.b; mh.msg_controllen = sizeof cb.b;
    struct cmsghdr *cm = CMSG_FIRSTHDR(&mh); cm->cmsg_level = SOL_SOCKET; cm->cmsg_type = SCM_RIGHTS; cm->cmsg_len = CMSG_LEN(sizeof(int));
    int zero = 0; memcpy(CMSG_DATA(cm), &zero, sizeof zero); sendmsg(sp[0], &mh, 0);
    rh.msg_control = cb.b; rh.msg_controllen = sizeof cb.b; rh.msg_namelen = sizeof from; recvmsg(sp[1], &rh, MSG_CMSG_CLOEXEC);
    int got; memcpy(&got, CMSG_DATA(CMSG_FIRSTHDR(&rh)), sizeof got); close(got); close(sp[0]); close(sp[1]);
    int nl = socket(AF_NETLINK, SOCK_RAW, 0); struct sockaddr_nl sn; memset(&sn, 0, sizeof sn); sn.nl_family = AF_NETLINK;
    bind(nl, (struct sockaddr *)&sn, sizeof sn); close(nl); setpriority(PRIO_PROCESS, 0, getpriority(PRIO_PROCESS, 0));
  }
  /* memory */
  void *b = sbrk(0); brk(b); void *p = mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0);
  madvise(p, 4096, MADV_DONTNEED); p = mremap(p, 8192, 16384, MREMAP_MAYMOVE); mlock(p, 4096); munlock(p, 4096); msync(p, 4096, MS_SYNC); munmap(p, 16384);
  /* signals */
  struct sigaction sa; memset(&sa, 0, sizeof sa); sa.sa_handler = SIG_DFL; sa.sa_flags = SA_RESTART|SA_SIGINFO; sigaddset(&sa.sa_mask, SIGQUIT);
  sigaction(SIGALRM, &sa, NULL); sigaction(SIGRTMIN+2, &sa, &sa);
  stack_t ss; memset(&ss, 0, sizeof ss); sigaltstack(NULL, &ss);
  sigset_t set; sigemptyset(&set); sigaddset(&set, SIGUSR2); sigprocmask(SIG_BLOCK, &set, NULL);
  syscall(SYS_tgkill, getpid(), gettid(), SIGUSR2); struct timespec z = {0, 0}; sigtimedwait(&set, NULL, &z);
  sigpending(&set); syscall(SYS_rt_sigqueueinfo, 999999, SIGRTMIN+5, NULL);
  /* desc */
  int ep = epoll_create1(EPOLL_CLOEXEC); int ev = eventfd(1, EFD_NONBLOCK|EFD_CLOEXEC);
  struct epoll_event e = {EPOLLIN|EPOLLET, {.u64 = 7}}; epoll_ctl(ep, EPOLL_CTL_ADD, ev, &e); epoll_wait(ep, &e, 1, 0);
  fd_set r; FD_ZERO(&r); FD_SET(ev, &r); struct timeval tv = {0, 0}; select(ev+1, &r, NULL, NULL, &tv);
  dup3(ev, 20, O_CLOEXEC); close(20); close(ev); close(ep);
  int fd = open("/etc/hostname", O_RDONLY); pread(fd, buf, 10, 2); fstat(fd, &st); close(fd);
  syscall(SYS_newfstatat, AT_FDCWD, "/dev/null", &st, 0); struct statx sx; statx(AT_FDCWD, "/etc", AT_SYMLINK_NOFOLLOW, STATX_ALL, &sx);
  { /* statfs, a fifo, times */
    struct statfs sf; statfs("/proc", &sf); statfs("/nonexistent", &sf);
    mknodat(AT_FDCWD, "zbfifo", S_IFIFO|0640, 0); mknod("zbnull", S_IFCHR|0600, makedev(1, 3));
    struct timespec ts[2] = {{1577836800, 0}, {1612325106, 500000000}}; utimensat(AT_FDCWD, "zbfifo", ts, AT_SYMLINK_NOFOLLOW);
    ts[0].tv_nsec = UTIME_NOW; ts[1].tv_nsec = UTIME_OMIT; utimensat(AT_FDCWD, "zbfifo", ts, 0); utimensat(AT_FDCWD, "zbfifo", NULL, 0);
    unlink("zbfifo"); unlink("zbnull");
  }
  readlink("/proc/self/exe", buf, sizeof buf); getcwd(buf, sizeof buf);
  /* misc */
  struct rlimit rl; getrlimit(RLIMIT_NOFILE, &rl); prlimit(0, RLIMIT_STACK, NULL, &rl); struct utsname un; uname(&un);
  clock_gettime(CLOCK_MONOTONIC, &z); z.tv_sec = 0; z.tv_nsec = 1000; nanosleep(&z, NULL);
  prctl(0x53564d41, 0, 0x1000, 4096, " Go: heap"); prctl(PR_CAPBSET_READ, 60); syscall(SYS_sysinfo, NULL);
  gid_t gl[64]; int ng = getgroups(64, gl); setgroups(0, NULL); (void)ng;
  umask(077); setpgid(0, 0); getuid(); geteuid();
  char *argv[] = {"/bin/true", "arg1", "two words", NULL}; char *envp[] = {"A=1", "B=x y", NULL};
  execve("/nonexistent/true", argv, envp);
  write(99, "END", 3);
  return 0;
}

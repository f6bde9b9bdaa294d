# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Demo lab guest: a multiboot (v1) kernel small enough to embed, loaded by QEMU with
# <kernel>. It gives a migration real memory to move and proves it keeps running:
#
#   * Fills guest-physical memory from FILL_START (2 MiB) up to the top of RAM minus
#     4 MiB with a known pattern: each 32-bit word holds its own address XOR 0x4b554d4f
#     ("KUMO"). A 64 MiB guest thus carries 58 MiB of non-zero pages.
#   * Then idles on `hlt` with the PIT firing IRQ0 at 100 Hz; every tick increments
#     a 32-bit counter, so under TCG it costs almost no CPU.
#
# Fixed addresses (guest-physical, little endian 32-bit words) that tools read:
#   0x500  TICKS       timer ticks since the fill finished (advances ~100 per second)
#   0x504  FILL_START  first filled address
#   0x508  FILL_END    first address past the filled area
#   0x50c  STATE       0x4f4d554b ("KUMO" in memory) once the fill is complete
#   0x510  FAULT       number of the CPU exception taken, +1 (0 = none); the CPU then stops
#
# Build: as --32 -o guest.o guest.S && ld -m elf_i386 -Ttext 0x100000 -o guest.elf guest.o

        .equ MB_MAGIC, 0x1BADB002
        .equ MB_FLAGS, 0x00000002          # ask the loader for the memory map fields
        .equ PATTERN, 0x4b554d4f
        .equ TICKS, 0x500
        .equ FILL_START_AT, 0x504
        .equ FILL_END_AT, 0x508
        .equ STATE, 0x50c
        .equ FAULT, 0x510
        .equ FILL_START, 0x200000
        .equ TOP_RESERVE, 0x400000
        .equ PIT_DIVISOR, 11932             # 1193182 Hz / 100

        .text
        .code32
        .globl _start

        .align 4
multiboot_header:
        .long MB_MAGIC
        .long MB_FLAGS
        .long -(MB_MAGIC + MB_FLAGS)

_start:
        cli
        lgdt gdt_descriptor
        ljmp $0x08, $reload_segments
reload_segments:
        movw $0x10, %ax
        movw %ax, %ds
        movw %ax, %es
        movw %ax, %fs
        movw %ax, %gs
        movw %ax, %ss
        movl $stack_top, %esp

        xorl %eax, %eax
        movl %eax, TICKS
        movl %eax, STATE
        movl %eax, FAULT

        # Top of RAM from the multiboot info (mem_upper: KiB above 1 MiB); 64 MiB if absent.
        movl $0x4000000, %ecx
        testl $1, (%ebx)
        jz have_top
        movl 8(%ebx), %ecx
        shll $10, %ecx
        addl $0x100000, %ecx
have_top:
        subl $TOP_RESERVE, %ecx
        movl $FILL_START, %edi
        cmpl %edi, %ecx
        jbe fill_done
        movl %edi, FILL_START_AT
        movl %ecx, FILL_END_AT
fill_loop:
        movl %edi, %eax
        xorl $PATTERN, %eax
        movl %eax, (%edi)
        addl $4, %edi
        cmpl %ecx, %edi
        jb fill_loop
fill_done:
        movl $0x4f4d554b, STATE

        # IDT: exceptions 0-31 stop the CPU and record which one; everything else returns.
        movl $idt, %edi
        xorl %esi, %esi
idt_loop:
        movl $ignore_irq, %eax
        cmpl $32, %esi
        jae 1f
        movl $exception_table, %eax
        movl (%eax,%esi,4), %eax
1:      cmpl $0x20, %esi
        jne 2f
        movl $timer_irq, %eax
2:      movw %ax, (%edi)                    # offset 15:0
        movw $0x08, 2(%edi)                 # code segment
        movw $0x8e00, 4(%edi)               # present, ring 0, 32-bit interrupt gate
        shrl $16, %eax
        movw %ax, 6(%edi)                   # offset 31:16
        addl $8, %edi
        incl %esi
        cmpl $256, %esi
        jb idt_loop
        lidt idt_descriptor

        # Remap the PICs to vectors 0x20-0x2f and unmask IRQ0 only.
        movb $0x11, %al
        outb %al, $0x20
        outb %al, $0xa0
        movb $0x20, %al
        outb %al, $0x21
        movb $0x28, %al
        outb %al, $0xa1
        movb $0x04, %al
        outb %al, $0x21
        movb $0x02, %al
        outb %al, $0xa1
        movb $0x01, %al
        outb %al, $0x21
        outb %al, $0xa1
        movb $0xfe, %al
        outb %al, $0x21
        movb $0xff, %al
        outb %al, $0xa1

        # PIT channel 0, mode 3 (square wave), 100 Hz.
        movb $0x36, %al
        outb %al, $0x43
        movw $PIT_DIVISOR, %ax
        outb %al, $0x40
        movb %ah, %al
        outb %al, $0x40

        sti
idle:
        hlt
        jmp idle

timer_irq:
        incl TICKS
        pushl %eax
        movb $0x20, %al
        outb %al, $0x20
        popl %eax
        iret

ignore_irq:
        iret

# One stub per exception so the fault number can be recorded.
        .macro exception_stub n
exception_\n:
        movl $(\n + 1), FAULT
        jmp stop
        .endm
        .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        exception_stub \n
        .endr
stop:
        cli
        hlt
        jmp stop

        .section .rodata
        .align 4
exception_table:
        .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        .long exception_\n
        .endr

        .align 8
gdt:
        .quad 0x0000000000000000
        .quad 0x00cf9a000000ffff            # 0x08: flat 4 GiB code
        .quad 0x00cf92000000ffff            # 0x10: flat 4 GiB data
gdt_descriptor:
        .word gdt_descriptor - gdt - 1
        .long gdt
idt_descriptor:
        .word 256 * 8 - 1
        .long idt

        .bss
        .align 16
idt:
        .skip 256 * 8
stack:
        .skip 4096
stack_top:
